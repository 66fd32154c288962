/** Stage 4: writing the emitted files into the output directory. */
package dev.bulwark.generator.write;
