using System.Text.RegularExpressions;

namespace iAyos.Messaging.Deployment.Tests.Containers;

public class When_the_service_Dockerfiles_are_read
{
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    public static TheoryData<string> Services => ServiceProject.Names();

    private static Dockerfile DockerfileOf(string service) => Dockerfile.Read(ServiceProject.Named(service).DockerfilePath);

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_build_on_the_sdk_and_run_on_the_aspnet_runtime(string service)
    {
        var dockerfile = DockerfileOf(service);

        Assert.True(dockerfile.Stages.Count >= 2, "a build stage and a runtime stage");
        Assert.Equal(SdkImage, dockerfile.Stages[0].BaseImage);
        Assert.Equal(RuntimeImage, dockerfile.Final.BaseImage);
        Assert.DoesNotContain(dockerfile.Final.ArgumentsOf("RUN"), run => run.Contains("dotnet "));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_run_as_the_images_non_root_user(string service)
    {
        var user = DockerfileOf(service).Final.ArgumentsOf("USER").LastOrDefault();

        Assert.NotNull(user);
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        Assert.Equal("$APP_UID", user);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_probe_a_health_endpoint_on_the_port_it_listens_on(string service)
    {
        var final = DockerfileOf(service).Final;
        var healthcheck = Assert.Single(final.ArgumentsOf("HEALTHCHECK"));
        var command = Dockerfile.ExecForm(healthcheck[healthcheck.IndexOf("CMD", StringComparison.Ordinal)..]["CMD".Length..]);

        Assert.NotNull(command);
        var script = string.Join(' ', command);
        Assert.Matches(@"GET /health/(ready|live) HTTP/1\.1", script);
        Assert.Contains("ASPNETCORE_HTTP_PORTS", script);
        Assert.Contains(final.ArgumentsOf("ENV"), env => env.Contains("ASPNETCORE_HTTP_PORTS=8080"));
        Assert.Contains("8080", final.ArgumentsOf("EXPOSE"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_start_the_assembly_its_project_builds(string service)
    {
        var project = ServiceProject.Named(service);
        var entrypoint = Dockerfile.ExecForm(Assert.Single(DockerfileOf(service).Final.ArgumentsOf("ENTRYPOINT")));

        Assert.Equal(new[] { "dotnet", project.AssemblyFile }, entrypoint);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_restore_from_every_project_file_it_references_before_copying_the_sources(string service)
    {
        var project = ServiceProject.Named(service);
        var build = DockerfileOf(service).Stages[0].Instructions;
        var restore = IndexOf(build, i => i.Keyword == "RUN" && i.Arguments.Contains($"dotnet restore {project.ProjectFile}"));
        var sources = IndexOf(build, i => i.Keyword == "COPY" && i.Arguments.Split(' ')[0] == "src/");
        var copiedBeforeRestore = build.Take(restore).Where(i => i.Keyword == "COPY")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]).ToHashSet();

        Assert.True(restore < sources, "restore runs before the sources are copied, so its layer survives source edits");
        Assert.Superset(project.ProjectClosure().ToHashSet(), copiedBeforeRestore);
        Assert.Superset(new HashSet<string> { "global.json", "Directory.Build.props", "Directory.Packages.props" }, copiedBeforeRestore);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_publish_without_restoring_again_into_the_directory_the_runtime_stage_copies(string service)
    {
        var project = ServiceProject.Named(service);
        var dockerfile = DockerfileOf(service);
        var build = dockerfile.Stages[0];
        var publish = Assert.Single(build.ArgumentsOf("RUN"), run => run.Contains("dotnet publish"));

        Assert.Contains(project.ProjectFile, publish);
        Assert.Contains("-c Release", publish);
        Assert.Contains("--no-restore", publish);
        Assert.Contains("-o /app", publish);
        // A runtime identifier restored must be the one published, or --no-restore fails (NETSDK1047).
        Assert.Equal(publish.Contains("--use-current-runtime"),
            Assert.Single(build.ArgumentsOf("RUN"), run => run.Contains("dotnet restore")).Contains("--use-current-runtime"));
        Assert.Contains(dockerfile.Final.ArgumentsOf("COPY"), copy => copy == $"--from={build.Name} /app ./");
        Assert.Equal("/app", dockerfile.Final.ArgumentsOf("WORKDIR").Last());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_install_node_in_the_build_stage_only_when_its_build_runs_npm(string service)
    {
        var project = ServiceProject.Named(service);
        var dockerfile = DockerfileOf(service);
        static bool InstallsNpm(Dockerfile.Stage stage) => stage.ArgumentsOf("RUN").Any(run => Regex.IsMatch(run, @"apt-get install .*\bnpm\b"));

        Assert.Equal(project.BuildRunsNpm, InstallsNpm(dockerfile.Stages[0]));
        Assert.False(InstallsNpm(dockerfile.Final));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_create_the_directories_it_is_configured_to_use_for_its_user(string service)
    {
        var final = DockerfileOf(service).Final;
        var directories = final.ArgumentsOf("ENV")
            .SelectMany(env => Regex.Matches(env, @"(?<key>\w+Directory)=(?<path>\S+)").Select(m => m.Groups["path"].Value))
            .ToList();
        var setup = string.Join('\n', final.ArgumentsOf("RUN"));

        Assert.NotEmpty(directories);
        foreach (var directory in directories)
        {
            Assert.Matches($@"mkdir -p [^&]*{Regex.Escape(directory)}\b", setup);
            Assert.Matches($@"chown -R \$APP_UID:\$APP_UID {Regex.Escape(Path.GetDirectoryName(directory)!)}\b", setup);
        }
    }

    [Fact]
    public void Should_keep_build_outputs_local_state_and_history_out_of_the_build_context()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "/.run/", "**/node_modules/", "**/BenchmarkDotNet.Artifacts/", ".git" }, ignored);
        Assert.DoesNotContain(ignored, l => l.StartsWith('!'));
        // What the Dockerfiles copy must not be ignored.
        Assert.DoesNotContain(ignored, l => l is "src" or "src/" or "global.json" or "Directory.Build.props" or "Directory.Packages.props");
    }

    private static int IndexOf(IReadOnlyList<Dockerfile.Instruction> instructions, Func<Dockerfile.Instruction, bool> match)
    {
        for (var i = 0; i < instructions.Count; i++)
            if (match(instructions[i])) return i;
        throw new Xunit.Sdk.XunitException("No such instruction in the build stage.");
    }
}
