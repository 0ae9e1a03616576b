package dev.tend.systemtests;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of kustomize that deploy/kubernetes uses, for machines without a {@code kustomize} or {@code kubectl}
 * binary: resources (files and directories with a kustomization), namespace, images, replicas, ConfigMap and Secret
 * generators (literals, env files, files; merge or replace), and JSON 6902 patches (add, replace). Any other
 * kustomization field fails the build, so a feature this class does not apply is never silently skipped.
 * A generator's file that is missing (a clinic's secret, kept out of git) is read from its {@code .example}.
 */
final class Kustomization {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "replicas", "generatorOptions", "configMapGenerator", "secretGenerator", "patches");
    private static final Set<String> NAMESPACED_SKIP = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass");

    private Kustomization() {
    }

    /** Every file a kustomization (and the ones it includes) lists as a resource. */
    static List<Path> resourceFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        for (String resource : strings(kustomization(directory).get("resources"))) {
            Path path = directory.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                files.addAll(resourceFiles(path));
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** The resources the kustomization in {@code directory} builds, as {@code kustomize build} would emit them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> build(Path directory) {
        Map<String, Object> kustomization = kustomization(directory);
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + key + "' is not applied by this test");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String resource : strings(kustomization.get("resources"))) {
            Path path = directory.resolve(resource).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path) : documents(path));
        }
        for (Map<String, Object> generator : maps(kustomization.get("configMapGenerator"))) {
            generate(resources, directory, "ConfigMap", generator, false);
        }
        for (Map<String, Object> generator : maps(kustomization.get("secretGenerator"))) {
            generate(resources, directory, "Secret", generator, true);
        }
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            Map<String, Object> target = (Map<String, Object>) patch.get("target");
            Map<String, Object> resource = find(resources, (String) target.get("kind"), (String) target.get("name"));
            for (Map<String, Object> operation : (List<Map<String, Object>>) new Yaml().load((String) patch.get("patch"))) {
                apply(resource, operation);
            }
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            for (Map<String, Object> resource : resources) {
                for (Map<String, Object> container : containers(resource)) {
                    String name = ((String) container.get("image")).split(":")[0];
                    if (name.equals(image.get("name"))) {
                        container.put("image", image.getOrDefault("newName", name) + ":" + image.get("newTag"));
                    }
                }
            }
        }
        for (Map<String, Object> replicas : maps(kustomization.get("replicas"))) {
            Map<String, Object> deployment = find(resources, "Deployment", (String) replicas.get("name"));
            ((Map<String, Object>) deployment.get("spec")).put("replicas", replicas.get("count"));
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                if (!NAMESPACED_SKIP.contains(resource.get("kind"))) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(metadata(r).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("metadata");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> resource) {
        if (!"Deployment".equals(resource.get("kind"))) {
            return List.of();
        }
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) resource.get("spec")).get("template");
        return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    }

    /** Every YAML document in a file, as maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : new Yaml().loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static void generate(List<Map<String, Object>> resources, Path directory, String kind,
                                 Map<String, Object> generator, boolean secret) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String literal : strings(generator.get("literals"))) {
            int eq = literal.indexOf('=');
            data.put(literal.substring(0, eq), literal.substring(eq + 1));
        }
        for (String env : strings(generator.get("envs"))) {
            for (String line : read(directory, env).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    data.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        for (String file : strings(generator.get("files"))) {
            data.put(Path.of(file).getFileName().toString(), read(directory, file));
        }
        String name = (String) generator.get("name");
        String behavior = (String) generator.getOrDefault("behavior", "create");
        Map<String, Object> resource;
        if (behavior.equals("create")) {
            resource = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", kind,
                    "metadata", new LinkedHashMap<>(Map.of("name", name))));
            resources.add(resource);
        } else {
            resource = find(resources, kind, name);
        }
        if (secret) {
            // Generated Secrets carry base64 data; the base writes stringData.
            Map<String, Object> existing = new LinkedHashMap<>();
            if (behavior.equals("merge")) {
                existing.putAll((Map<String, Object>) resource.getOrDefault("stringData", Map.of()));
                existing.putAll((Map<String, Object>) resource.getOrDefault("data", Map.of()));
            }
            data.forEach((key, value) -> existing.put(key,
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
            resource.remove("stringData");
            resource.put("data", existing);
            if (generator.get("type") != null) {
                resource.put("type", generator.get("type"));
            }
        } else {
            Map<String, Object> existing = behavior.equals("merge")
                    ? new LinkedHashMap<>((Map<String, Object>) resource.getOrDefault("data", Map.of()))
                    : new LinkedHashMap<>();
            existing.putAll(data);
            resource.put("data", existing);
        }
    }

    private static String read(Path directory, String file) {
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            path = directory.resolve(file + ".example");
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> resource, Map<String, Object> operation) {
        String op = (String) operation.get("op");
        if (!op.equals("replace") && !op.equals("add")) {
            throw new IllegalArgumentException("patch op '" + op + "' is not applied by this test");
        }
        String[] path = ((String) operation.get("path")).substring(1).split("/");
        Object parent = resource;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent instanceof List<?> list ? list.get(Integer.parseInt(path[i])) : ((Map<String, Object>) parent).get(path[i]);
            if (parent == null) {
                throw new IllegalArgumentException("patch path " + operation.get("path") + " does not exist");
            }
        }
        String last = path[path.length - 1];
        if (parent instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), operation.get("value"));
        } else {
            Map<String, Object> map = (Map<String, Object>) parent;
            if (op.equals("replace") && !map.containsKey(last)) {
                throw new IllegalArgumentException("patch replaces " + operation.get("path") + ", which does not exist");
            }
            map.put(last, operation.get("value"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kustomization(Path directory) {
        return documents(directory.resolve("kustomization.yaml")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
