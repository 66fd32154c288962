/** Credentials a client applies to requests, per security scheme of the API. */
@NullMarked
package dev.bulwark.runtime.auth;

import org.jspecify.annotations.NullMarked;
