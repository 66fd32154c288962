package dev.bulwark.runtime;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The last step: sends the request with OkHttp, bounded by the attempt's time limit. */
final class TransportStep implements CallStep {
  private final OkHttpClient httpClient;

  TransportStep(OkHttpClient httpClient) {
    this.httpClient = httpClient;
  }

  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    Call call = httpClient.newCall(request);
    chain.context().inFlight = call;
    AttemptTimeouts timeouts = request.tag(AttemptTimeouts.class);
    if (timeouts != null) {
      call.timeout().timeout(timeouts.attempt().toNanos(), TimeUnit.NANOSECONDS);
    }
    // The body is read after this step returns: buffer it now, inside the attempt's time limit, so that a stalled
    // body counts against the attempt and a retry can follow.
    try (Response response = call.execute()) {
      byte[] body = response.body().bytes();
      return response.newBuilder().body(ResponseBody.create(body, response.body().contentType())).build();
    }
  }
}
