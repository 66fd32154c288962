/** JSON support shared by generated clients: Moshi adapters for the types OpenAPI formats map to. */
@NullMarked
package dev.bulwark.runtime.json;

import org.jspecify.annotations.NullMarked;
