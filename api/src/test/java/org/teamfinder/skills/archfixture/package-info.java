/**
 * Classes that break the architecture rules on purpose, laid out like the real code (domain aggregates with
 * their ports and services, api, persistence, webpages), so that ArchitectureTest can show each rule catching
 * one. Never loaded by the service.
 */
package org.teamfinder.skills.archfixture;
