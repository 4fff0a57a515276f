package dev.hotreload.sample;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL container of the sample's dev services and integration tests. It runs
 * the official {@code postgres} image, or the image named by the {@value #IMAGE_VARIABLE}
 * environment variable (or the system property of the same name), declared a compatible
 * substitute for {@code postgres}: CI builds such an image from Debian's packages with
 * {@code src/docker/build-postgres-image.sh}, since it reaches no registry.
 */
public final class SamplePostgres {

	/**
	 * The environment variable, or system property, that names a substitute image.
	 */
	public static final String IMAGE_VARIABLE = "HOTRELOAD_POSTGRES_IMAGE";

	private static final String OFFICIAL_IMAGE = "postgres:17";

	private SamplePostgres() {
	}

	/**
	 * Create a PostgreSQL container, not started yet.
	 * @return the container
	 */
	public static PostgreSQLContainer container() {
		return new PostgreSQLContainer(image());
	}

	/**
	 * Return the image to run: the substitute if one is named, else the official image.
	 * @return the image name
	 */
	public static DockerImageName image() {
		String substitute = System.getProperty(IMAGE_VARIABLE, System.getenv(IMAGE_VARIABLE));
		if (substitute == null || substitute.isBlank()) {
			return DockerImageName.parse(OFFICIAL_IMAGE);
		}
		return DockerImageName.parse(substitute.strip()).asCompatibleSubstituteFor("postgres");
	}

}
