package org.teamfinder.skills.archfixture.domain;

public record FineDomainModel(String name) {
}
