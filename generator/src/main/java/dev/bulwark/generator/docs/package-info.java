/** The non-Java files of a generated SDK (its README), rendered from the templates module. */
package dev.bulwark.generator.docs;
