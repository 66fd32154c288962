/**
 * Stage 3: the intermediate model to Java source, through JavaPoet only. One emitter per kind of file; each is a pure
 * function of its part of the model.
 */
package dev.bulwark.generator.emit;
