package org.example.restaurant.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Dockerfile} of the services' images, read as text (nothing builds images on
 * the build machines): a Maven build stage, then a layered jar on a JRE, run by a user
 * that is not root, with the launcher's JVM settings.
 */
class DockerfileTests {

	final List<String> lines = Tools.lines("Dockerfile").stream().map(String::strip).toList();

	@Test
	void buildsWithTheMavenWrapperThenRunsOnAJre() {
		List<String> stages = this.lines.stream().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
		assertThat(stages.get(0)).contains("-jdk").endsWith("AS build");
		assertThat(stages.get(stages.size() - 1)).contains("-jre").doesNotContain(" AS ");
		assertThat(String.join("\n", this.lines)).contains("./mvnw ").contains(" package");
	}

	@Test
	void buildsTheJarOfEveryService() {
		String build = String.join("\n", this.lines);
		assertThat(build).containsPattern("-pl [a-z,-]+ -am");
		String modules = build.replaceAll("(?s).*-pl ([a-z,-]+) -am.*", "$1");
		assertThat(modules.split(",")).containsExactlyInAnyOrder("registry", "gateway", "staff-service",
				"order-service", "kitchen-service", "cashier-service");
	}

	/**
	 * The data folder belongs to the service's user, so that a volume mounted in it (the
	 * staff-service's signing keys) is one the service can write its keys to.
	 */
	@Test
	void givesTheDataFolderToTheServicesUser() {
		assertThat(finalStage()).anySatisfy((line) -> assertThat(line).contains("mkdir -p /app/data/keys")
			.contains("chown -R 10001:10001 /app/data"));
	}

	/**
	 * What is copied into the build holds no secret: the launcher's run folder (its
	 * client secrets and keys) and the compose demo's {@code .env} stay out.
	 */
	@Test
	void copiesNoSecretIntoTheBuild() {
		assertThat(Tools.lines(".dockerignore").stream().map(String::strip)).contains("run/", ".env");
	}

	@Test
	void runsTheJarSplitInLayers() {
		assertThat(this.lines).anySatisfy(
				(line) -> assertThat(line).contains("java -Djarmode=tools -jar app.jar extract --layers --launcher"));
		List<String> finalStage = finalStage();
		assertThat(finalStage.stream().filter((line) -> line.startsWith("COPY --from=")))
			.extracting((line) -> line.split(" ")[2])
			.containsExactly("/layers/extracted/dependencies/", "/layers/extracted/spring-boot-loader/",
					"/layers/extracted/snapshot-dependencies/", "/layers/extracted/application/");
		assertThat(finalStage).anySatisfy((line) -> assertThat(line).startsWith("ENTRYPOINT")
			.contains("org.springframework.boot.loader.launch.JarLauncher"));
	}

	@Test
	void runsAsAUserThatIsNotRoot() {
		List<String> users = finalStage().stream().filter((line) -> line.startsWith("USER ")).toList();
		assertThat(users).hasSize(1);
		String user = users.get(0).substring("USER ".length()).split(":")[0];
		assertThat(user).isNotIn("root", "0");
		assertThat(finalStage().indexOf(users.get(0))).as("USER comes after the files are copied")
			.isGreaterThan(finalStage().indexOf(finalStage().stream()
				.filter((line) -> line.startsWith("COPY"))
				.reduce((first, second) -> second)
				.orElseThrow()));
	}

	@Test
	void startsJavaWithTheLaunchersSettings() {
		assertThat(finalStage()).contains("ENV JAVA_OPTS=\"" + Launcher.javaOpts() + "\"");
	}

	private List<String> finalStage() {
		int last = 0;
		for (int i = 0; i < this.lines.size(); i++) {
			if (this.lines.get(i).startsWith("FROM ")) {
				last = i;
			}
		}
		return this.lines.subList(last, this.lines.size());
	}

}
