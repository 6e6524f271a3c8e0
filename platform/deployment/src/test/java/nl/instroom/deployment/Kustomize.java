package nl.instroom.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a kustomization with {@code kubectl kustomize}, exactly as {@code kubectl apply -k} would apply it. */
final class Kustomize {

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path kustomization) {
        Commands.Result result = Commands.run(Repository.root(), Map.of(),
                List.of("kubectl", "kustomize", kustomization.toString()));
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + result.output());
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : Repository.yaml().loadAll(result.output())) {
            if (document != null) {
                objects.add(Repository.map(document));
            }
        }
        return objects;
    }
}
