package io.github.entitymigrations.migrations;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test as the Maven plugin runs the engine, with {@link Advice#MAVEN} in use, for tests of what the
 * plugin prints (generate, merge, check are its goals only).
 */
public final class MavenAdviceInUse implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MavenAdviceInUse.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("advice", Advice.MAVEN.use());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getStore(NAMESPACE).remove("advice", Advice.InUse.class).close();
    }
}
