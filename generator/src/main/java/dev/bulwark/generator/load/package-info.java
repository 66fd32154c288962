/** Stage 1: reading a spec file, with its {@code $ref}'d files, into the parser's object model. */
package dev.bulwark.generator.load;
