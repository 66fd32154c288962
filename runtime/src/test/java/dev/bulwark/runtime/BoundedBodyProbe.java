package dev.bulwark.runtime;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.error.BulwarkException;
import java.util.Map;

/**
 * Run in a JVM of its own with a small heap by {@link BodyLimitsTest}: calls each huge-body path of a
 * {@link HugeBodyServer} with the default limit and prints what each call ended with. Exits non-zero on anything
 * but a {@code BulwarkException}, an {@code OutOfMemoryError} included.
 */
public final class BoundedBodyProbe {
  private BoundedBodyProbe() {}

  public static void main(String[] args) {
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(args[0])
        .retryPolicy(dev.bulwark.runtime.retry.RetryPolicy.none()).build()) {
      for (String path : new String[] {"json-with-length", "endless", "error", "text"}) {
        OperationSpec operation = OperationSpec.builder(path, "GET", "/" + path).build();
        java.lang.reflect.Type type = path.equals("text") ? String.class
            : Types.newParameterizedType(Map.class, String.class, Object.class);
        try {
          runtime.execute(ApiRequest.builder(operation).build(), type);
          System.out.println("case " + path + ": no failure");
        } catch (BulwarkException e) {
          System.out.println("case " + path + ": " + e.getClass().getSimpleName() + ": "
              + e.getMessage().substring(0, Math.min(300, e.getMessage().length())));
        }
      }
    } catch (Throwable e) {
      System.out.println("probe failed: " + e);
      System.exit(1);
    }
  }
}
