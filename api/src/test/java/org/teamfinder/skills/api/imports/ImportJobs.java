package org.teamfinder.skills.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.teamfinder.skills.api.testing.RunningService;

/** Submitting import jobs and waiting for them over the service's HTTP API. */
final class ImportJobs {

    private ImportJobs() {
    }

    /** Posts the URLs (JSON-escaped by the caller when needed) and returns the job's Location. */
    static String submit(RunningService service, List<String> urls, String category) {
        String body = "{\"urls\": [" + urls.stream().map(url -> "\"" + url + "\"").collect(Collectors.joining(", ")) + "]"
                + (category == null ? "" : ", \"category\": \"" + category + "\"") + "}";
        RunningService.Response response = service.post("/skills/imports", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.header("Location");
    }

    /** Polls the job until it is finished or cancelled (at most 30 s) and returns it as JSON. */
    static Map<String, Object> awaitFinished(RunningService service, String location) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Map<String, Object> job = service.get(location).json();
            if ("finished".equals(job.get("state")) || "cancelled".equals(job.get("state"))) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The import job did not finish in 30 s: " + job);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The job's only (or first) page. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> page(Map<String, Object> job, int index) {
        return ((List<Map<String, Object>>) job.get("pages")).get(index);
    }

    /** Every page of the job, in the order given. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> pages(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("pages");
    }

    /** The names the job's pages suggested, with their state. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> suggestions(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("suggestions");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> progress(Map<String, Object> job) {
        return (Map<String, Object>) job.get("progress");
    }

    /** The names of every skill in the catalogue. */
    static List<String> skillNames(RunningService service) {
        return service.get("/skills?limit=100").jsonList().stream().map(skill -> (String) skill.get("name")).toList();
    }
}
