package io.github.structuredlogging.output.app;

import org.springframework.boot.SpringBootConfiguration;

/**
 * An application whose own package the development defaults may put at DEBUG.
 */
@SpringBootConfiguration
public class DemoApplication {

}
