package dev.bulwark.runtime;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One link in the chain every call runs through. Steps see the logical call and the HTTP request, and pass the request
 * on (possibly changed, possibly more than once) to the rest of the chain. Retries, telemetry and authentication are
 * steps; the last step sends the request.
 *
 * <p>This chain, not an OkHttp interceptor, carries Bulwark's behaviour so that it holds whatever {@code OkHttpClient}
 * the user brings.
 */
interface CallStep {

  Response proceed(Request request, Chain chain) throws IOException;

  /** The rest of the chain, as seen from one step. */
  interface Chain {
    /** The logical call being made. */
    ApiRequest call();

    /** The call's state across attempts. */
    CallContext context();

    /** Passes the request to the next step and returns its response. */
    Response proceed(Request request) throws IOException;
  }
}
