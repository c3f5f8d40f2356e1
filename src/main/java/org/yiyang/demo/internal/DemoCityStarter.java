package org.yiyang.demo.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiyang.platform.YiyangProperties;

/** Builds the demo city at start, before the application reports ready, when the demo is enabled. */
@Component
@Order(0)
class DemoCityStarter implements ApplicationRunner {
    private final DemoCityGenerator generator;
    private final YiyangProperties properties;

    DemoCityStarter(DemoCityGenerator generator, YiyangProperties properties) {
        this.generator = generator;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoEnabled()) {
            generator.generate();
        }
    }
}
