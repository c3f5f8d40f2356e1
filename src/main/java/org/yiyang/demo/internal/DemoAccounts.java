package org.yiyang.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiyang.facility.Facilities;
import org.yiyang.facility.Facility;
import org.yiyang.facility.FacilityType;
import org.yiyang.identity.UserAccounts;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;

/**
 * The demo accounts, one per kind of user, with random passwords made at first start and written to
 * {@code demo-credentials.txt} in the data directory (mode 0600; columns: username password ROLE jurisdiction). Only
 * the file's path is logged. Existing accounts and the file are left as they are.
 */
@Component
class DemoAccounts {
    static final String FILE = "demo-credentials.txt";
    static final String CITY = "440100000000";
    static final String TIANHE = "440106000000";
    static final String TIANHE_STREET = "440106001000";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 20;

    private final UserAccounts accounts;
    private final Regions regions;
    private final Facilities facilities;
    private final Path file;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(UserAccounts accounts, Regions regions, Facilities facilities, YiyangProperties properties) {
        this.accounts = accounts;
        this.regions = regions;
        this.facilities = facilities;
        this.file = properties.dataDir().resolve(FILE);
    }

    record Account(String username, Role role, String jurisdiction, @Nullable UUID providerId, String displayName) {
    }

    List<Account> planned() {
        return List.of(
                new Account("city.officer", Role.CITY_OFFICER, CITY, null, "市民政局（演示）"),
                new Account("tianhe.officer", Role.DISTRICT_OFFICER, TIANHE, null, "天河区民政局（演示）"),
                new Account("tianhe.street", Role.STREET_WORKER, TIANHE_STREET, null, "五山街道（演示）"),
                new Account("assessor", Role.ASSESSOR, CITY, null, "评估员（演示）"),
                // the second assessor of each assessment (two per visit, GB/T 42195)
                new Account("assessor2", Role.ASSESSOR, CITY, null, "评估员二（演示）"),
                new Account("tianhe.provider", Role.PROVIDER_STAFF, TIANHE_STREET, streetCentreProvider(),
                        "五山街颐康中心（演示）"),
                new Account("ltc.officer", Role.LTC_OFFICER, CITY, null, "长护险经办（演示）"),
                new Account("auditor", Role.AUDITOR, CITY, null, "审计（演示）"));
    }

    Path file() {
        return file;
    }

    /** Creates the missing accounts and appends their lines to the credentials file; returns how many were made. */
    int ensure() {
        List<Account> missing = new ArrayList<>();
        for (Account a : planned()) {
            if (!accounts.exists(a.username())) {
                missing.add(a);
            }
        }
        if (missing.isEmpty()) {
            log.info("Demo accounts are present; their credentials are in {}", file.toAbsolutePath());
            return 0;
        }
        var lines = new StringBuilder();
        List<String> passwords = new ArrayList<>();
        for (Account a : missing) {
            String password = password();
            passwords.add(password);
            lines.append(a.username()).append(' ').append(password).append(' ').append(a.role().name()).append(' ')
                    .append(a.jurisdiction()).append('\n');
        }
        append(lines.toString(), missing.size() == planned().size());
        for (int i = 0; i < missing.size(); i++) {
            Account a = missing.get(i);
            String path = regions.pathOf(a.jurisdiction()).orElseThrow(
                    () -> new IllegalStateException("demo jurisdiction " + a.jurisdiction() + " is not loaded"));
            accounts.create(a.username(), passwords.get(i), Set.of(a.role()), a.jurisdiction(), path, a.providerId(),
                    a.displayName());
        }
        log.info("Created {} demo accounts; their credentials are in {}", missing.size(), file.toAbsolutePath());
        return missing.size();
    }

    private @Nullable UUID streetCentreProvider() {
        return regions.pathOf(TIANHE_STREET)
                .flatMap(p -> facilities.list(FacilityType.YIKANG_CENTRE, p, 0, 1).items().stream().findFirst())
                .map(Facility::providerId).orElse(null);
    }

    private String password() {
        var s = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }

    /** Appends; when no demo account exists yet, a file left from an earlier database is replaced. */
    private void append(String lines, boolean fresh) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (fresh) {
                Files.deleteIfExists(file);
            }
            if (!Files.exists(file)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo credentials file " + file, e);
        }
    }
}
