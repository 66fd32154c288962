package dev.bulwark.generator.normalize;

import dev.bulwark.generator.model.BodyModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.naming.Names;
import dev.bulwark.generator.naming.UniqueNames;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises an operation's request body: which kind it is sent as (JSON, form, text, multipart, binary), as which
 * JSON media type, and the form or multipart body beside a JSON one, for a method of its own.
 */
final class RequestBodyNormalizer {
  /** A media type a request can carry: {@code type/subtype}, with parameters or without. */
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+(\\s*;.*)?");

  private final Components components;
  private final SchemaConverter converter;
  private final Warnings warnings;

  RequestBodyNormalizer(Components components, SchemaConverter converter, Warnings warnings) {
    this.components = components;
    this.converter = converter;
    this.warnings = warnings;
  }

  /** The request body, a shared one's target for a {@code $ref}; null when there is none or it cannot be found. */
  RequestBody requestBody(RequestBody requestBody) {
    if (requestBody == null || requestBody.get$ref() == null) {
      return requestBody;
    }
    String prefix = "#/components/requestBodies/";
    return requestBody.get$ref().startsWith(prefix) && components.getRequestBodies() != null
        ? components.getRequestBodies().get(requestBody.get$ref().substring(prefix.length()))
        : null;
  }

  /** The form body of a request that offers one, its schema a model or map whose members are the fields. */
  Optional<BodyModel> form(RequestBody requestBody, String typeContext, String operationPointer,
      UniqueNames parameterNames) {
    MediaType form = requestBody.getContent().get("application/x-www-form-urlencoded");
    if (form == null || form.getSchema() == null) {
      return Optional.empty();
    }
    String pointer = JsonPointer.child(operationPointer, "requestBody");
    TypeRef type = converter.typeOf(form.getSchema(), typeContext + "Request",
        JsonPointer.mediaSchema(pointer, "application/x-www-form-urlencoded"));
    return Optional.of(new BodyModel(parameterNames.claim("body"), type, Boolean.TRUE.equals(requestBody.getRequired()),
        SchemaConverter.text(requestBody.getDescription()), "FORM", "application/x-www-form-urlencoded", List.of(),
        List.of(), fieldEncodings(form)));
  }

  /**
   * The form body's {@code encoding} entries that say something beyond the convention. swagger-parser fills in
   * {@code style: form} for an entry that names none, and the form style's letter for an exploded object (its members
   * as fields of their own) would lose the property's name in a body; so an exploded form entry is the convention
   * (objects in brackets, arrays repeated), and one without a content type is left out.
   */
  private static List<BodyModel.FieldEncoding> fieldEncodings(MediaType form) {
    if (form.getEncoding() == null) {
      return List.of();
    }
    List<BodyModel.FieldEncoding> encodings = new java.util.ArrayList<>();
    form.getEncoding().forEach((property, encoding) -> {
      if (encoding == null) {
        return;
      }
      Optional<BodyModel.FieldStyle> style = Optional.ofNullable(encoding.getStyle())
          .map(value -> BodyModel.FieldStyle.valueOf(value.name()));
      // OpenAPI: explode defaults to true for the form style, false for the others.
      boolean explode = encoding.getExplode() != null
          ? encoding.getExplode()
          : style.map(value -> value == BodyModel.FieldStyle.FORM).orElse(true);
      if (style.isPresent() && style.get() == BodyModel.FieldStyle.FORM && explode) {
        style = Optional.empty();
      }
      Optional<String> contentType = Optional.ofNullable(encoding.getContentType())
          .filter(type -> type.toLowerCase(Locale.ROOT).contains("json"));
      if (style.isPresent() || contentType.isPresent()) {
        encodings.add(new BodyModel.FieldEncoding(property, style, explode, contentType));
      }
    });
    return List.copyOf(encodings);
  }

  /** The multipart body of a request that offers one, each property of its schema a part. */
  Optional<BodyModel> multipart(RequestBody requestBody, String typeContext, String operationPointer,
      UniqueNames parameterNames) {
    Optional<String> multipart = requestBody.getContent().keySet().stream()
        .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/")).findFirst();
    if (multipart.isEmpty()) {
      return Optional.empty();
    }
    String pointer = JsonPointer.child(operationPointer, "requestBody");
    return multipart(requestBody.getContent().get(multipart.get()), parameterNames.claim("body"),
        Boolean.TRUE.equals(requestBody.getRequired()), SchemaConverter.text(requestBody.getDescription()),
        typeContext, JsonPointer.child(JsonPointer.child(pointer, "content"), multipart.get()), parameterNames);
  }

  Optional<BodyModel> body(
      RequestBody given, String typeContext, String operationPointer, UniqueNames parameterNames) {
    RequestBody requestBody = given == null ? null : requestBody(given);
    return anyBody(given, typeContext, operationPointer, parameterNames)
        .map(body -> body.withOmittable(Boolean.FALSE.equals(requestBody.getRequired())
            && requestBody.getContent().values().stream().allMatch(media -> media.getSchema() == null
                || !converter.requiresProperties(media.getSchema()))));
  }

  private Optional<BodyModel> anyBody(
      RequestBody given, String typeContext, String operationPointer, UniqueNames parameterNames) {
    if (given == null) {
      return Optional.empty();
    }
    String pointer = JsonPointer.child(operationPointer, "requestBody");
    RequestBody requestBody = requestBody(given);
    if (requestBody == null) {
      warnings.add(pointer, "cannot resolve request body $ref '" + given.get$ref() + "'; no body is sent");
      return Optional.empty();
    }
    Content content = requestBody.getContent();
    boolean required = Boolean.TRUE.equals(requestBody.getRequired());
    String description = SchemaConverter.text(requestBody.getDescription());
    List<String> jsonTypes = jsonRequestTypes(content);
    if (!jsonTypes.isEmpty()) {
      String sent = jsonTypes.get(0);
      TypeRef type = converter.typeOf(content.get(sent).getSchema(), typeContext + "Request",
          JsonPointer.mediaSchema(pointer, sent));
      return Optional.of(new BodyModel(parameterNames.claim("body"), type, required, description, "JSON",
          sent.equals("*/*") ? "application/json" : sent, List.of(), jsonTypes.subList(1, jsonTypes.size())));
    }
    if (content == null || content.isEmpty()) {
      return Optional.empty();
    }
    Optional<BodyModel> form = form(requestBody, typeContext, operationPointer, parameterNames);
    if (form.isPresent()) {
      return form;
    }
    Optional<String> text = content.keySet().stream()
        .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("text/")).findFirst();
    if (text.isPresent()) {
      return Optional.of(new BodyModel(parameterNames.claim("body"), TypeRef.scalar(TypeRef.ScalarKind.STRING),
          required, description, "TEXT", text.get()));
    }
    Optional<BodyModel> parts = multipart(requestBody, typeContext, operationPointer, parameterNames);
    if (parts.isPresent()) {
      return parts;
    }
    Optional<String> binary = content.keySet().stream()
        .filter(type -> !type.toLowerCase(Locale.ROOT).startsWith("multipart/")).findFirst();
    if (binary.isPresent()) {
      String mediaType = binary.get().contains("*") ? "application/octet-stream" : binary.get();
      return Optional.of(new BodyModel(parameterNames.claim("body"), TypeRef.scalar(TypeRef.ScalarKind.FILE),
          required, description, "BINARY", mediaType));
    }
    warnings.add(pointer, "request bodies of type " + content.keySet()
        + " are not supported yet; the generated method sends no body");
    return Optional.empty();
  }

  /**
   * A {@code multipart/form-data} body whose schema's properties become parts, each a parameter of the operation:
   * binary properties ({@code format: binary}, or a {@code contentMediaType}) are files, others text or JSON.
   */
  private Optional<BodyModel> multipart(MediaType media, String javaName, boolean required, String description,
      String typeContext, String pointer, UniqueNames parameterNames) {
    SchemaConverter.Properties properties = media.getSchema() == null ? null : converter.properties(media.getSchema());
    if (properties == null || properties.properties().isEmpty()) {
      warnings.add(pointer, "a multipart body without properties in its schema; the generated method sends no body");
      return Optional.empty();
    }
    List<BodyModel.Part> parts = new ArrayList<>();
    for (Map.Entry<String, Schema> property : properties.properties().entrySet()) {
      String name = property.getKey();
      Schema<?> resolved = converter.resolve(property.getValue());
      TypeRef type;
      if (isBinary(resolved)) {
        type = TypeRef.scalar(TypeRef.ScalarKind.FILE);
      } else if (resolved != null && resolved.getItems() != null && isBinary(converter.resolve(resolved.getItems()))) {
        type = new TypeRef.ListOf(TypeRef.scalar(TypeRef.ScalarKind.FILE));
      } else {
        type = converter.typeOf(property.getValue(), typeContext + Names.upperCamel(name),
            JsonPointer.child(JsonPointer.child(JsonPointer.child(pointer, "schema"), "properties"), name));
      }
      String partDescription = SchemaConverter.text(resolved == null ? null : resolved.getDescription());
      parts.add(new BodyModel.Part(name, parameterNames.claim(Names.lowerCamel(name)), type,
          properties.required().contains(name), partDescription));
    }
    return Optional.of(new BodyModel(javaName, TypeRef.scalar(TypeRef.ScalarKind.ANY), required, description,
        "MULTIPART", "multipart/form-data", parts, List.of()));
  }

  private static boolean isBinary(Schema<?> schema) {
    return schema != null && ("binary".equals(schema.getFormat()) || schema.getContentMediaType() != null
        && !schema.getContentMediaType().toLowerCase(Locale.ROOT).startsWith("text/"));
  }

  /**
   * The JSON media types of a request body, the one to send first: {@code application/json} where the spec has it,
   * else the first in the spec's order, passing over JSON Patch ({@code application/json-patch+json}, whose body is
   * an array of operations) for a body that is not an array. The others follow where the same body can be sent as
   * them: the same schema, and not JSON Patch for a body that is not an array. Types without a schema are left out.
   */
  private List<String> jsonRequestTypes(Content content) {
    if (content == null) {
      return List.of();
    }
    List<String> types = new ArrayList<>();
    for (Map.Entry<String, MediaType> entry : content.entrySet()) {
      String type = entry.getKey().toLowerCase(Locale.ROOT);
      if ((type.contains("json") && MEDIA_TYPE.matcher(type).matches() || type.equals("*/*"))
          && entry.getValue().getSchema() != null) {
        types.add(entry.getKey());
      }
    }
    if (types.isEmpty()) {
      return types;
    }
    types.sort(java.util.Comparator.comparing(type -> preference(type, content.get(type).getSchema())));
    Schema<?> sent = content.get(types.get(0)).getSchema();
    List<String> usable = new ArrayList<>(List.of(types.get(0)));
    for (String type : types.subList(1, types.size())) {
      Schema<?> schema = content.get(type).getSchema();
      if (schema.equals(sent) && preference(type, schema) < 2 && !type.equals("*/*")) {
        usable.add(type);
      }
    }
    return usable;
  }

  private int preference(String mediaType, Schema<?> schema) {
    if (BodyModel.isPlainJson(mediaType)) {
      return 0;
    }
    if (mediaType.toLowerCase(Locale.ROOT).equals("application/json-patch+json")) {
      Schema<?> resolved = converter.resolve(schema);
      return resolved != null && "array".equals(SchemaConverter.effectiveType(resolved)) ? 1 : 2;
    }
    return 1;
  }
}
