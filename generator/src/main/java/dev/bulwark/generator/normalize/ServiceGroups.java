package dev.bulwark.generator.normalize;

import dev.bulwark.generator.naming.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which service each operation belongs to. Operations are grouped by their first tag, as the spec's author grouped
 * them. Where the tags say nothing (an operation without one, or a spec whose operations all carry the same one)
 * they are grouped by resource: the first path segment that is neither a parameter nor a version, so that
 * {@code /v1/customers/{id}/sources} belongs to {@code customers}. An untagged operation whose resource is named like
 * a tag joins that tag's service. Groups come in the order of their first operation.
 */
final class ServiceGroups {
  /** Segments that version or prefix an API rather than name a resource: v1, v2.1, 2010-04-01, api, apis, rest. */
  private static final Pattern NOT_A_RESOURCE =
      Pattern.compile("(?i)v\\d+(\\.\\d+)*|\\d{4}-\\d{2}-\\d{2}|\\d+(\\.\\d+)*|api|apis|rest");

  /**
   * One service's key.
   *
   * @param tag the tag that names it, or empty when it is named by its resource
   * @param resource the resource that names it, or empty when it is named by a tag or holds root-path operations
   */
  record Group(String tag, String resource) {
    /** What the service is named after. */
    String name() {
      return tag.isEmpty() ? resource : tag;
    }
  }

  private ServiceGroups() {}

  static Map<Group, List<Normalizer.OperationSource>> group(List<Normalizer.OperationSource> operations) {
    List<String> tags = operations.stream().map(ServiceGroups::firstTag).distinct().toList();
    long resources = operations.stream().map(o -> resource(o.path())).distinct().count();
    // One tag for everything groups nothing: a 300-operation API under the tag "plaid" would be one class.
    boolean tagsGroup = !(tags.size() == 1 && resources > 1);
    Map<String, Group> byTypeName = new LinkedHashMap<>();
    Map<Group, List<Normalizer.OperationSource>> groups = new LinkedHashMap<>();
    if (tagsGroup) {
      // Tags claim their names first, so that an untagged operation on /pets joins the tag "pets".
      for (Normalizer.OperationSource operation : operations) {
        String tag = firstTag(operation);
        if (!tag.isEmpty()) {
          byTypeName.putIfAbsent(key(tag), new Group(tag, ""));
        }
      }
    }
    for (Normalizer.OperationSource operation : operations) {
      String tag = tagsGroup ? firstTag(operation) : "";
      Group group = !tag.isEmpty() ? byTypeName.get(key(tag))
          : byTypeName.computeIfAbsent(key(resource(operation.path())),
              k -> new Group("", resource(operation.path())));
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(operation);
    }
    return groups;
  }

  /** The first path segment that names a resource, without a file extension; empty for the root path. */
  static String resource(String path) {
    for (String segment : path.split("/")) {
      String name = segment.replaceFirst("\\.(json|xml|yaml)$", "");
      if (name.isEmpty() || name.contains("{") || NOT_A_RESOURCE.matcher(name).matches()
          || Names.typeName(name).isEmpty()) {
        continue;
      }
      return name;
    }
    return "";
  }

  private static String firstTag(Normalizer.OperationSource operation) {
    List<String> tags = operation.operation().getTags();
    return tags == null || tags.isEmpty() || tags.get(0) == null ? "" : tags.get(0);
  }

  private static String key(String name) {
    return Names.typeName(name).toLowerCase(Locale.ROOT);
  }
}
