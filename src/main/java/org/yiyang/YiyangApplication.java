package org.yiyang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Yiyang (颐养): a modular monolith, one Spring Modulith module per business capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YiyangApplication {

    public static void main(String[] args) {
        SpringApplication.run(YiyangApplication.class, args);
    }
}
