/**
 * Classes that break the architecture rules on purpose, laid out like the real base package, so that
 * ArchitectureTest can show each rule fails when it should. Never loaded by the service.
 */
package org.teamfinder.skills.archfixture;
