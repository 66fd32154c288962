/**
 * The intermediate model: an immutable, validated description of an API that the emitter turns into Java. It holds
 * only records, enums and lists of them; nothing here refers to the parser's types, so emitters never see the raw spec.
 */
package dev.bulwark.generator.model;
