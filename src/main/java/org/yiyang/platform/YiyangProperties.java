package org.yiyang.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform settings, bound from {@code yiyang.*} (environment: {@code YIYANG_DATA_DIR}, {@code YIYANG_DB_URL},
 * {@code YIYANG_DB_USER}, {@code YIYANG_DB_PASSWORD}, {@code YIYANG_DEMO_ENABLED}, {@code YIYANG_DEMO_ELDERS} …).
 */
@ConfigurationProperties("yiyang")
public record YiyangProperties(Path dataDir, Db db, Demo demo, String city, Mask mask) {

    public YiyangProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (db == null) {
            db = new Db(null, null, null, 10, "yiyang");
        }
        if (demo == null) {
            demo = new Demo(null, 20_000, 20260601L);
        }
        if (city == null) {
            city = "guangzhou";
        }
        if (mask == null) {
            mask = new Mask(3, 4);
        }
    }

    /** An external database when {@code url} is set; otherwise the embedded server. */
    public record Db(@Nullable String url, @Nullable String user, @Nullable String password, int poolSize,
                     String embeddedDatabase) {
        public Db {
            if (poolSize <= 0) {
                poolSize = 10;
            }
            if (embeddedDatabase == null || embeddedDatabase.isBlank()) {
                embeddedDatabase = "yiyang";
            }
        }

        public boolean external() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Db[" + (external() ? "external" : "embedded " + embeddedDatabase) + ", pool " + poolSize + "]";
        }
    }

    /**
     * The demo city. {@code enabled} unset means: on with the embedded database, off with an external one.
     */
    public record Demo(@Nullable Boolean enabled, int elders, long seed) {
    }

    /** Display mask of ID numbers: first {@code head} and last {@code tail} characters shown. */
    public record Mask(int head, int tail) {
    }

    public boolean demoEnabled() {
        return demo.enabled() != null ? demo.enabled() : !db.external();
    }
}
