package dev.tend.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tend.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * deploy/kubernetes cannot be applied here (no cluster, no kubectl or kustomize), so this checks offline what can
 * be checked: every manifest parses strictly with the fabric8 Kubernetes model (an unknown or misspelt field fails),
 * the Strimzi and CloudNativePG resources have their kinds and required fields, base and production overlay assemble,
 * the curated Deployments agree with what quarkus-kubernetes generated at package time, and every setting each
 * service reads is provided by a ConfigMap or Secret that exists.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
    private static final Path BASE = ROOT.resolve("deploy/kubernetes/base");
    private static final Path PRODUCTION = ROOT.resolve("deploy/kubernetes/overlays/production");
    private static final List<String> SERVICES = List.of("customer-service", "followup-service", "notification-service");
    private static final String CONSOLE = "staff-console";
    private static final List<String> DEPLOYABLES = List.of("customer-service", "followup-service", "notification-service",
            CONSOLE);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Custom resources the cluster's operators define, with the fields each must have. */
    private static final Map<String, List<String>> CUSTOM_KINDS = Map.of(
            "kafka.strimzi.io/v1beta2 KafkaTopic", List.of("spec.partitions", "spec.replicas", "metadata.labels.strimzi.io/cluster"),
            "postgresql.cnpg.io/v1 Cluster", List.of("spec.instances", "spec.storage.size", "spec.bootstrap.initdb.database"),
            "postgresql.cnpg.io/v1 Database", List.of("spec.name", "spec.owner", "spec.cluster.name"));

    @Test
    void shouldParseEveryManifestStrictlyInBaseAndProductionOverlay() throws IOException {
        try (Stream<Path> files = Files.list(BASE)) {
            Set<Path> listed = new LinkedHashSet<>(Kustomization.resourceFiles(BASE));
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList()) {
                assertTrue(listed.contains(file), file + " is not listed in base/kustomization.yaml");
            }
        }
        for (Path directory : List.of(BASE, PRODUCTION)) {
            List<HasMetadata> resources = parse(Kustomization.build(directory));
            assertTrue(resources.size() > 30, directory + " builds only " + resources.size() + " resources");
            Set<String> names = new TreeSet<>();
            for (HasMetadata resource : resources) {
                assertTrue(names.add(resource.getKind() + "/" + resource.getMetadata().getName()), "twice: " + resource.getKind()
                        + "/" + resource.getMetadata().getName());
            }
        }
    }

    @Test
    void shouldRejectAManifestWithAFieldKubernetesDoesNotKnow() {
        Map<String, Object> deployment = new LinkedHashMap<>(Kustomization.find(Kustomization.build(BASE), "Deployment",
                "customer-service"));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) deployment.get("spec"));
        spec.put("replica", 2);
        deployment.put("spec", spec);
        AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> parse(List.of(deployment)));
        assertTrue(error.getMessage().contains("replica"), error.getMessage());
    }

    @Test
    void shouldRunEachComponentAsQuarkusKubernetesGeneratedIt() throws IOException {
        for (String name : DEPLOYABLES) {
            Path generatedFile = ROOT.resolve(name).resolve("target/kubernetes/kubernetes.yml");
            assertTrue(Files.isRegularFile(generatedFile), generatedFile + " is missing: package " + name + " first");
            List<HasMetadata> generated = parse(Kustomization.documents(generatedFile));
            List<HasMetadata> base = parse(Kustomization.build(BASE));
            Deployment want = only(generated, Deployment.class, name);
            Deployment have = only(base, Deployment.class, name);
            Container wantContainer = want.getSpec().getTemplate().getSpec().getContainers().get(0);
            Container haveContainer = have.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(wantContainer.getImage().replaceFirst(":[^:/]+$", ""), haveContainer.getImage(), name + " image");
            wantContainer.setImage(haveContainer.getImage());
            // The generator lists config maps and secrets in no stable order from one build to the next.
            inNameOrder(wantContainer);
            inNameOrder(haveContainer);
            assertEquals(wantContainer, haveContainer, name + ": base container differs from the generated one; "
                    + "curate deploy/kubernetes/base/" + name + ".yaml from " + generatedFile);
            assertEquals(want.getSpec().getTemplate().getSpec().getVolumes(), have.getSpec().getTemplate().getSpec().getVolumes(), name);
            assertEquals(want.getSpec().getTemplate().getSpec().getSecurityContext(),
                    have.getSpec().getTemplate().getSpec().getSecurityContext(), name);
            assertEquals(want.getSpec().getSelector(), have.getSpec().getSelector(), name);
            assertEquals(only(generated, Service.class, name).getSpec().getPorts(), only(base, Service.class, name).getSpec().getPorts(),
                    name);
        }
    }

    @Test
    void shouldProbeLimitAndProtectEveryComponent() {
        List<HasMetadata> resources = parse(Kustomization.build(PRODUCTION));
        for (String name : DEPLOYABLES) {
            Deployment deployment = only(resources, Deployment.class, name);
            assertEquals(2, deployment.getSpec().getReplicas(), name + " replicas in production");
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int port = container.getPorts().get(0).getContainerPort();
            assertProbe(container.getLivenessProbe(), "/q/health/live", port, name);
            assertProbe(container.getReadinessProbe(), "/q/health/ready", port, name);
            assertProbe(container.getStartupProbe(), "/q/health/started", port, name);
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(container.getResources().getLimits().get(resource), name + " limit " + resource);
                assertNotNull(container.getResources().getRequests().get(resource), name + " request " + resource);
            }
            assertTrue(container.getImage().startsWith("registry.example.com/tend/" + name + ":"), container.getImage());
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(resources.stream().filter(PodDisruptionBudget.class::isInstance).map(PodDisruptionBudget.class::cast)
                    .anyMatch(pdb -> podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet())),
                    name + " has no PodDisruptionBudget");
            assertEquals(name, only(resources, Service.class, name).getMetadata().getName());
        }
    }

    @Test
    void shouldProvideEverySettingEachServiceReadsFromAConfigMapOrSecret() throws IOException {
        Map<String, Set<String>> readmeSettings = readmeSettingsByComponent();
        for (Path directory : List.of(BASE, PRODUCTION)) {
            List<HasMetadata> resources = parse(Kustomization.build(directory));
            for (String name : DEPLOYABLES) {
                Set<String> required = new TreeSet<>(prodSettings(name));
                required.addAll(readmeSettings.getOrDefault(name, Set.of()));
                Map<String, String> provided = provided(resources, only(resources, Deployment.class, name));
                for (String setting : required) {
                    assertTrue(provided.containsKey(setting), directory.getFileName() + ": " + name + " reads " + setting
                            + ", which no ConfigMap or Secret gives it");
                }
                // A setting naming a file or folder names one on a volume the pod mounts.
                Container container = only(resources, Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0);
                provided.forEach((setting, value) -> {
                    if (setting.endsWith("_LOCATION") || setting.endsWith("_FOLDER")) {
                        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> value.startsWith(m.getMountPath() + "/")
                                        || value.equals(m.getMountPath())),
                                name + ": " + setting + "=" + value + " is on no mounted volume");
                    }
                });
            }
            Map<String, String> services = provided(resources, only(resources, Deployment.class, "followup-service"));
            Map<String, String> console = provided(resources, only(resources, Deployment.class, CONSOLE));
            assertEquals(services.get("MP_JWT_VERIFY_ISSUER"), console.get("TEND_CONSOLE_SERVICE_TOKEN_ISSUER"),
                    "the services must accept the console's tokens");
        }
        Set<String> everyReadmeSetting = new TreeSet<>();
        readmeSettings.values().forEach(everyReadmeSetting::addAll);
        assertTrue(everyReadmeSetting.size() > 30, "read only " + everyReadmeSetting + " from the README");
    }

    @Test
    void shouldReplaceEveryBaseSecretWithTheSameKeysInProduction() {
        List<HasMetadata> base = parse(Kustomization.build(BASE));
        List<HasMetadata> production = parse(Kustomization.build(PRODUCTION));
        for (Secret secret : ofType(base, Secret.class)) {
            Secret replaced = only(production, Secret.class, secret.getMetadata().getName());
            assertEquals(new TreeSet<>(secret.getStringData().keySet()), new TreeSet<>(replaced.getData().keySet()),
                    secret.getMetadata().getName() + ": overlays/production/secrets/*.example name other keys than the base");
            assertEquals(secret.getType(), replaced.getType(), secret.getMetadata().getName());
            assertFalse(replaced.getData().values().stream().map(v -> new String(Base64.getDecoder().decode(v)))
                    .anyMatch("replace-me"::equals), secret.getMetadata().getName() + " keeps the base's placeholder");
        }
    }

    @Test
    void shouldLetStrimziOwnEveryTopicOfTheCatalogue() {
        List<HasMetadata> resources = parse(Kustomization.build(PRODUCTION));
        Map<String, String> settings = provided(resources, only(resources, Deployment.class, "customer-service"));
        assertEquals("false", settings.get("TEND_KAFKA_PROVISION_TOPICS"), "the services must not create topics");
        Map<String, GenericKubernetesResource> topics = new HashMap<>();
        custom(resources, "KafkaTopic").forEach(t -> topics.put(t.getMetadata().getName(), t));
        assertEquals(Topics.all().stream().map(Topics.TopicSpec::name).collect(java.util.stream.Collectors.toSet()), topics.keySet());
        for (Topics.TopicSpec spec : Topics.all()) {
            Map<String, Object> topic = field(topics.get(spec.name()), "spec");
            assertEquals(spec.partitions(), topic.get("partitions"), spec.name());
            assertEquals(Integer.parseInt(settings.get("TEND_KAFKA_REPLICATION_FACTOR")), topic.get("replicas"), spec.name());
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) topic.getOrDefault("config", Map.of());
            spec.configs().forEach((key, value) -> assertEquals(value, String.valueOf(config.get(key)), spec.name() + " " + key));
        }
        assertTrue(settings.get("KAFKA_BOOTSTRAP_SERVERS").startsWith(
                topics.get(Topics.DEAD_LETTER).getMetadata().getLabels().get("strimzi.io/cluster") + "-kafka-bootstrap:"));
    }

    @Test
    void shouldGiveEveryDatabaseItsOwnerOnACloudNativePgClusterWithoutTransactionPooling() {
        List<HasMetadata> resources = parse(Kustomization.build(PRODUCTION));
        List<GenericKubernetesResource> clusters = custom(resources, "Cluster");
        assertEquals(1, clusters.size());
        GenericKubernetesResource cluster = clusters.get(0);
        Map<String, String> owners = new HashMap<>();
        Map<String, Object> initdb = field(cluster, "spec.bootstrap.initdb");
        owners.put((String) initdb.get("database"), (String) initdb.get("owner"));
        for (GenericKubernetesResource database : custom(resources, "Database")) {
            assertEquals(cluster.getMetadata().getName(), field(database, "spec.cluster").get("name"));
            owners.put((String) field(database, "spec").get("name"), (String) field(database, "spec").get("owner"));
        }
        assertEquals(Set.of("customer", "followup", "notification", "console"), owners.keySet());
        assertTrue(custom(resources, "Pooler").stream().noneMatch(p -> "transaction".equals(field(p, "spec.pgbouncer").get("poolMode"))),
                "LISTEN/NOTIFY needs session connections");
        for (String name : DEPLOYABLES) {
            Map<String, String> settings = provided(resources, only(resources, Deployment.class, name));
            URI url = URI.create(settings.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
            assertEquals(cluster.getMetadata().getName() + "-rw", url.getHost(), name);
            String database = url.getPath().substring(1);
            assertEquals(name.replace("-service", "").replace("staff-", ""), database, name + " must use its own database");
            assertEquals(owners.get(database), settings.get("QUARKUS_DATASOURCE_USERNAME"), name + " connects as its database's owner");
        }
    }

    @Test
    void shouldRouteThePublicPathsOnTheHostTheServicesPublish() {
        List<HasMetadata> resources = parse(Kustomization.build(PRODUCTION));
        Ingress ingress = ofType(resources, Ingress.class).get(0);
        String host = ingress.getSpec().getRules().get(0).getHost();
        assertEquals(List.of(host), ingress.getSpec().getTls().get(0).getHosts());
        Map<String, String> backends = new HashMap<>();
        for (HTTPIngressPath path : ingress.getSpec().getRules().get(0).getHttp().getPaths()) {
            String service = path.getBackend().getService().getName();
            Service target = only(resources, Service.class, service);
            assertTrue(target.getSpec().getPorts().stream().map(ServicePort::getName)
                    .anyMatch(path.getBackend().getService().getPort().getName()::equals), path.getPath());
            backends.put(path.getPath(), service);
        }
        assertEquals(Map.of("/unsubscribe/", "notification-service", "/rate/", "notification-service",
                "/webhooks/", "notification-service", "/pets/", "customer-service", "/", CONSOLE), backends);
        Map<String, String> notification = provided(resources, only(resources, Deployment.class, "notification-service"));
        Map<String, String> customer = provided(resources, only(resources, Deployment.class, "customer-service"));
        Map<String, String> console = provided(resources, only(resources, Deployment.class, CONSOLE));
        for (String url : List.of(notification.get("TEND_NOTIFICATION_PUBLIC_BASE_URL"), customer.get("TEND_CUSTOMER_PUBLIC_BASE_URL"),
                console.get("TEND_CONSOLE_PHOTO_ORIGIN"))) {
            assertEquals("https://" + host, url);
        }
        assertEquals(1, ofType(resources, PersistentVolumeClaim.class).size());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void assertProbe(Probe probe, String path, int port, String name) {
        assertNotNull(probe, name + " has no probe for " + path);
        assertEquals(path, probe.getHttpGet().getPath(), name);
        assertEquals(port, probe.getHttpGet().getPort().getIntVal(), name);
    }

    /** Each manifest through the fabric8 model; a field the model does not know (kept aside as additional) fails. */
    private static List<HasMetadata> parse(List<Map<String, Object>> documents) {
        List<HasMetadata> resources = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            String json;
            try {
                json = JSON.writeValueAsString(document);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            KubernetesResource resource = SERIALIZATION.unmarshal(json, KubernetesResource.class);
            String where = document.get("kind") + " " + Kustomization.metadata(document).get("name");
            if (resource instanceof GenericKubernetesResource generic) {
                String kind = generic.getApiVersion() + " " + generic.getKind();
                List<String> required = CUSTOM_KINDS.get(kind);
                if (required == null) {
                    fail(where + ": " + kind + " is neither a Kubernetes kind nor a custom resource Tend uses");
                }
                for (String path : required) {
                    assertNotNull(value(document, path), where + " needs " + path);
                }
                strict(generic.getMetadata(), where + " metadata");
            } else {
                strict(resource, where);
            }
            resources.add((HasMetadata) resource);
        }
        return resources;
    }

    /** Walks the typed model: fabric8 keeps any field it does not know in additionalProperties. */
    private static void strict(Object node, String where) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            collection.forEach(item -> strict(item, where));
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(item -> strict(item, where));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    fail(where + ": fields unknown to " + node.getClass().getSimpleName() + ": " + extra.keySet());
                }
            } else {
                strict(value, where);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> document, String path) {
        Object node = document;
        // Label keys contain dots: match the longest key at each step.
        String rest = path;
        while (!rest.isEmpty()) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            String key = null;
            for (Object candidate : map.keySet()) {
                String k = (String) candidate;
                if ((rest.equals(k) || rest.startsWith(k + ".")) && (key == null || k.length() > key.length())) {
                    key = k;
                }
            }
            if (key == null) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
            rest = rest.length() == key.length() ? "" : rest.substring(key.length() + 1);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(GenericKubernetesResource resource, String path) {
        Map<String, Object> node = resource.getAdditionalProperties();
        for (String key : path.split("\\.")) {
            node = (Map<String, Object>) node.get(key);
            assertNotNull(node, resource.getMetadata().getName() + " has no " + path);
        }
        return node;
    }

    private static List<GenericKubernetesResource> custom(List<HasMetadata> resources, String kind) {
        return resources.stream().filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .filter(r -> kind.equals(r.getKind())).toList();
    }

    private static <T extends HasMetadata> List<T> ofType(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> resources, Class<T> type, String name) {
        List<T> matching = ofType(resources, type).stream().filter(r -> name.equals(r.getMetadata().getName())).toList();
        assertEquals(1, matching.size(), "one " + type.getSimpleName() + " " + name);
        return matching.get(0);
    }

    /** The environment a Deployment's container gets, each variable with its value, resolved through what exists. */
    private static Map<String, String> provided(List<HasMetadata> resources, Deployment deployment) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                environment.putAll(configMap(resources, source.getConfigMapRef().getName()));
            } else {
                environment.putAll(secret(resources, source.getSecretRef().getName()));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                String value = secret(resources, ref.getName()).get(ref.getKey());
                assertNotNull(value, variable.getName() + ": Secret " + ref.getName() + " has no key " + ref.getKey());
                environment.put(variable.getName(), value);
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = variable.getValueFrom().getConfigMapKeyRef();
                String value = configMap(resources, ref.getName()).get(ref.getKey());
                assertNotNull(value, variable.getName() + ": ConfigMap " + ref.getName() + " has no key " + ref.getKey());
                environment.put(variable.getName(), value);
            } else {
                environment.put(variable.getName(), "(from the pod)");
            }
        }
        for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
            if (volume.getConfigMap() != null) {
                assertFalse(configMap(resources, volume.getConfigMap().getName()).isEmpty(), volume.getName());
            } else if (volume.getSecret() != null) {
                assertFalse(secret(resources, volume.getSecret().getSecretName()).isEmpty(), volume.getName());
            } else if (volume.getPersistentVolumeClaim() != null) {
                only(resources, PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName());
            }
        }
        for (VolumeMount mount : container.getVolumeMounts()) {
            assertTrue(deployment.getSpec().getTemplate().getSpec().getVolumes().stream().anyMatch(v -> v.getName().equals(mount.getName())),
                    mount.getName());
        }
        return environment;
    }

    private static Map<String, String> configMap(List<HasMetadata> resources, String name) {
        return only(resources, ConfigMap.class, name).getData();
    }

    private static Map<String, String> secret(List<HasMetadata> resources, String name) {
        Secret secret = only(resources, Secret.class, name);
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v))));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    /** The environment variables of the prod profile's settings in a component's application.properties. */
    private static Set<String> prodSettings(String component) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve(component).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Set<String> settings = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                settings.add(environmentVariable(key.substring("%prod.".length())));
            }
        }
        return settings;
    }

    /**
     * The root README's configuration table, by the component that reads each variable: {@code TEND_FOLLOWUP_*} the
     * followup-service, {@code TEND_NOTIFICATION_*} and the mailer notification-service, the rest all three services;
     * and the staff console's settings that have no default in its README.
     */
    private static Map<String, Set<String>> readmeSettingsByComponent() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        String table = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, Set<String>> byComponent = new HashMap<>();
        Pattern variable = Pattern.compile("`((?:\\.\\.\\.)?_?[A-Z][A-Z0-9_]+)`");
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[2].contains("`")) {
                continue;
            }
            String first = null;
            Matcher matcher = variable.matcher(cells[2]);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (cells[2].substring(0, matcher.start()).endsWith(" or ")) {
                    continue; // "`A` (a file) or `B` (inline)": an alternative to the one before, which is required
                }
                if (name.startsWith("...")) {
                    // "..._CLOSES" after TEND_FOLLOWUP_CLINIC_OPENS: the first name's first three words, then this.
                    String[] words = first.split("_");
                    name = String.join("_", words[0], words[1], words[2]) + name.substring(3);
                } else {
                    first = name;
                }
                List<String> readers = name.startsWith("TEND_FOLLOWUP_") ? List.of("followup-service")
                        : name.startsWith("TEND_NOTIFICATION_") || name.startsWith("QUARKUS_MAILER_") ? List.of("notification-service")
                        : SERVICES;
                for (String reader : readers) {
                    byComponent.computeIfAbsent(reader, k -> new TreeSet<>()).add(name);
                }
            }
        }
        String console = Files.readString(ROOT.resolve(CONSOLE).resolve("README.md"));
        Matcher noDefault = Pattern.compile("\\n\\| `([a-z.-]+)` \\| none \\|").matcher(console);
        while (noDefault.find()) {
            byComponent.computeIfAbsent(CONSOLE, k -> new TreeSet<>()).add(environmentVariable("tend.console." + noDefault.group(1)));
        }
        // The console's README: "the signing key smallrye.jwt.sign.key.location (a PEM file)".
        assertTrue(console.contains("`smallrye.jwt.sign.key.location`"));
        byComponent.computeIfAbsent(CONSOLE, k -> new TreeSet<>()).add(environmentVariable("smallrye.jwt.sign.key.location"));
        return byComponent;
    }

    private static String environmentVariable(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static void inNameOrder(Container container) {
        container.setEnvFrom(container.getEnvFrom().stream()
                .sorted(java.util.Comparator.comparing(e -> String.valueOf(e.getConfigMapRef() == null ? null : e.getConfigMapRef().getName())
                        + "/" + (e.getSecretRef() == null ? null : e.getSecretRef().getName())))
                .toList());
        container.setEnv(container.getEnv().stream()
                .sorted(java.util.Comparator.comparing(io.fabric8.kubernetes.api.model.EnvVar::getName)).toList());
    }
}
