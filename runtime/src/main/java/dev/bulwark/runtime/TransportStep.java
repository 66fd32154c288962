package dev.bulwark.runtime;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The last step: sends the request with OkHttp. */
final class TransportStep implements CallStep {
  private final OkHttpClient httpClient;

  TransportStep(OkHttpClient httpClient) {
    this.httpClient = httpClient;
  }

  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    return httpClient.newCall(request).execute();
  }
}
