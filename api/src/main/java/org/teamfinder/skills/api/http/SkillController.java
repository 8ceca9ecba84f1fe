package org.teamfinder.skills.api.http;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.port.in.SkillCatalog;

/**
 * The skills catalogue over HTTP. Every method returns a CompletionStage, so Micronaut runs it on the Netty
 * event loop and nothing here blocks; failures become problem+json in {@link Problems}.
 */
@Controller(value = "/skills", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
public class SkillController {

    private final SkillCatalog catalog;

    SkillController(SkillCatalog catalog) {
        this.catalog = catalog;
    }

    @Post
    CompletionStage<HttpResponse<SkillResponse>> create(@Body byte[] body) {
        return catalog.create(SkillRequest.content(body))
                .thenApply(skill -> HttpResponse.created(SkillResponse.of(skill), URI.create("/skills/" + skill.id())));
    }

    @Get("/{id}")
    CompletionStage<SkillResponse> get(@PathVariable String id) {
        return catalog.get(RequestParameters.skillId(id)).thenApply(SkillResponse::of);
    }

    @Get
    CompletionStage<List<SkillResponse>> list(@QueryValue @Nullable String limit, @QueryValue @Nullable String offset) {
        PageRequest page = RequestParameters.page(limit, offset);
        return catalog.list(page).thenApply(skills -> skills.stream().map(SkillResponse::of).toList());
    }

    @Put("/{id}")
    CompletionStage<SkillResponse> update(@PathVariable String id, @Body byte[] body) {
        long skillId = RequestParameters.skillId(id);
        return catalog.update(skillId, SkillRequest.content(body)).thenApply(SkillResponse::of);
    }

    @Delete("/{id}")
    CompletionStage<HttpResponse<Void>> delete(@PathVariable String id) {
        return catalog.delete(RequestParameters.skillId(id)).thenApply(deleted -> HttpResponse.noContent());
    }
}
