/**
 * Stage 2: turning the parser's object model into the immutable {@link dev.bulwark.generator.model.ApiModel}: naming
 * every type, operation and parameter, naming inline schemas from their context, and resolving references.
 */
package dev.bulwark.generator.normalize;
