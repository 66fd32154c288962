/** Turning names from a spec into legal, readable, unique Java identifiers. */
package dev.bulwark.generator.naming;
