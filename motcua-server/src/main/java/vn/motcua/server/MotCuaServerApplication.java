package vn.motcua.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one-stop desk: reception, processing, signing and public lookup over the domain engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MotCuaServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotCuaServerApplication.class, args);
    }
}
