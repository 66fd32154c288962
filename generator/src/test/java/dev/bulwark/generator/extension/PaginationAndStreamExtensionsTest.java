package dev.bulwark.generator.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.TestSpecs;
import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.PaginationModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.StreamModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.normalize.Normalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaginationAndStreamExtensionsTest {

  private static Map<String, OperationModel> operations(Path spec) throws Exception {
    Normalizer.Result result = new Normalizer().normalize(new SpecLoader().load(spec), Optional.empty());
    Map<String, OperationModel> byId = new HashMap<>();
    result.model().services().forEach(s -> s.operations().forEach(o -> byId.put(o.operationId(), o)));
    return byId;
  }

  @Test
  void everyStyleOfTheFeedsSampleResolvesToGeneratedProperties() throws Exception {
    Map<String, OperationModel> ops = operations(TestSpecs.sample("feeds.yaml"));

    PaginationModel cursor = ops.get("listArticles").pagination().orElseThrow();
    assertThat(cursor.style()).isEqualTo(PaginationModel.Style.CURSOR);
    assertThat(cursor.methodName()).isEqualTo("listArticlesPages");
    assertThat(cursor.parameter()).isEqualTo("cursor");
    assertThat(cursor.limitParameter()).contains("limit");
    assertThat(cursor.itemType()).isEqualTo(new TypeRef.Named("Article"));
    assertThat(cursor.next().orElseThrow().path()).extracting(PropertyModel::javaName).containsExactly("nextCursor");
    assertThat(cursor.hasMore()).isPresent();

    PaginationModel page = ops.get("listArticlesByPage").pagination().orElseThrow();
    assertThat(page.items().path()).extracting(PropertyModel::jsonName).containsExactly("result", "articles");
    assertThat(ops.get("listLinkedArticles").pagination().orElseThrow().items().path()).isEmpty();
    assertThat(ops.get("articleFeed").pagination().orElseThrow().next().orElseThrow().path())
        .extracting(PropertyModel::jsonName).containsExactly("links", "next");

    PaginationModel speakeasy = ops.get("listAuthors").pagination().orElseThrow();
    assertThat(speakeasy.style()).isEqualTo(PaginationModel.Style.CURSOR);
    assertThat(speakeasy.parameter()).isEqualTo("after");
    assertThat(speakeasy.limitParameter()).contains("size");
    assertThat(speakeasy.itemType()).isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.STRING));

    StreamModel only = ops.get("streamActivity").stream().orElseThrow();
    assertThat(only.only()).isTrue();
    assertThat(only.methodName()).isEqualTo("streamActivity");
    assertThat(only.sentinel()).contains("[DONE]");
    StreamModel both = ops.get("getArticleStatus").stream().orElseThrow();
    assertThat(both.only()).isFalse();
    assertThat(both.methodName()).isEqualTo("getArticleStatusStream");
    assertThat(both.sentinel()).contains("END");
    assertThat(ops.get("tailLog").stream().orElseThrow().sentinel()).isEmpty();
    assertThat(ops.get("tailLog").stream().orElseThrow().eventType())
        .isEqualTo(TypeRef.scalar(TypeRef.ScalarKind.STRING));
  }

  @Test
  void wrongPointersAndParametersFailGenerationWithPointerAndHint(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("pages.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: {title: Pages, version: '1'}
        paths:
          /a:
            get:
              operationId: listA
              parameters: [{name: after, in: query, schema: {type: string}}]
              x-bulwark-pagination: {style: cursor, items: /data, nextCursor: /meta/nxt}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: {type: array, items: {type: string}}
                          meta: {type: object, properties: {next: {type: string}}}
          /b:
            get:
              operationId: listB
              x-bulwark-pagination: {style: pages, items: /data}
              responses: {'200': {description: ok}}
          /c:
            get:
              operationId: listC
              x-bulwark-pagination: {style: link, items: /count}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, properties: {count: {type: integer}}}
          /d:
            get:
              operationId: listD
              x-speakeasy-pagination: {type: url, outputs: {results: '$.data[*]', nextUrl: $.next}}
              responses: {'200': {description: ok}}
        """);

    assertThatThrownBy(() -> operations(spec))
        .isInstanceOfSatisfying(GeneratorException.class, e -> assertThat(e.problems()).hasSize(5))
        .hasMessageContaining("/paths/~1a/get/x-bulwark-pagination/cursorParam: the operation has no query parameter"
            + " 'cursor' (the usual name; set it to the one the operation uses); its query parameters are [after]")
        .hasMessageContaining("/paths/~1a/get/x-bulwark-pagination/nextCursor: '/meta/nxt': "
            + "ListAResponseMeta has no property 'nxt'; its properties are [next]")
        .hasMessageContaining("/paths/~1b/get/x-bulwark-pagination/style: must be one of cursor, offset, page, link,"
            + " next-url; was 'pages'")
        .hasMessageContaining("/paths/~1c/get/x-bulwark-pagination/items: '/count' must lead to an array, but leads"
            + " to a int64")
        .hasMessageContaining("/paths/~1d/get/x-speakeasy-pagination/outputs/results: must be a JSONPath of property"
            + " names");
  }
}
