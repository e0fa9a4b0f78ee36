namespace iAyos.Messaging.Cli.Simulation.JobBoard;

/// <summary>A field of tech work: the skills it uses and the job titles it hires under.</summary>
public sealed record SkillDomain(string Name, IReadOnlyList<string> Skills, IReadOnlyList<string> Titles);

/// <summary>
/// The synthetic board's words: skill domains (about 200 skills, some multi-word such as "machine learning", "ruby on
/// rails", "c#", "node.js"), cities, company name parts and the filler sentences of descriptions. Every skill tokenizes
/// the way SkillExtractor matches terms (at most three tokens, no single letters or everyday words such as "go"), and
/// no filler word, city or company name is a skill, so every skill a description mentions is one the generator meant.
/// </summary>
public static class JobBoardVocabulary
{
    public const string Remote = "remote";

    public static readonly IReadOnlyList<SkillDomain> Domains =
    [
        new("backend",
            ["java", "spring boot", "kotlin", "c#", "asp.net core", "entity framework", "python", "django", "flask", "fastapi",
             "golang", "ruby", "ruby on rails", "php", "laravel", "node.js", "express.js", "scala", "elixir", "rust", "grpc",
             "rest api", "graphql", "microservices", "rabbitmq", "kafka", "redis", "hibernate", "maven", "gradle"],
            ["Backend Engineer", "Software Engineer", "API Developer", "Platform Engineer"]),
        new("frontend",
            ["javascript", "typescript", "react", "angular", "vue.js", "svelte", "next.js", "html", "css", "sass",
             "tailwind css", "webpack", "redux", "jquery", "web accessibility", "storybook", "three.js", "d3.js", "vite",
             "responsive design", "web performance", "nuxt.js"],
            ["Frontend Developer", "UI Engineer", "Web Developer"]),
        new("data",
            ["machine learning", "deep learning", "pytorch", "tensorflow", "scikit-learn", "pandas", "numpy",
             "natural language processing", "computer vision", "statistics", "data analysis", "data visualization",
             "tableau", "power bi", "apache spark", "hadoop", "airflow", "dbt", "snowflake", "bigquery", "etl",
             "data modeling", "mlops", "xgboost", "recommender systems", "time series", "a/b testing",
             "large language models", "hugging face", "keras", "jupyter", "matplotlib", "feature engineering"],
            ["Data Scientist", "Machine Learning Engineer", "Data Engineer", "Data Analyst"]),
        new("devops",
            ["aws", "azure", "google cloud", "docker", "kubernetes", "terraform", "ansible", "jenkins", "github actions",
             "ci/cd", "linux", "bash", "prometheus", "grafana", "helm", "nginx", "site reliability engineering",
             "observability", "cloudformation", "serverless", "aws lambda", "istio", "argo cd", "puppet", "vagrant",
             "gitlab ci", "opentelemetry"],
            ["DevOps Engineer", "Site Reliability Engineer", "Cloud Engineer", "Infrastructure Engineer"]),
        new("mobile",
            ["swift", "swiftui", "android", "ios", "react native", "flutter", "dart", "objective-c", "xamarin",
             "jetpack compose", "firebase", "xcode", "android studio", "mobile testing", "push notifications",
             "app store optimization", "kotlin multiplatform"],
            ["iOS Developer", "Android Developer", "Mobile Engineer"]),
        new("databases",
            ["postgresql", "mysql", "mongodb", "cassandra", "elasticsearch", "dynamodb", "oracle database", "sql server",
             "neo4j", "sqlite", "database administration", "query optimization", "mariadb", "couchdb", "clickhouse",
             "database replication", "pl/sql", "t-sql"],
            ["Database Administrator", "Database Engineer", "Database Reliability Engineer"]),
        new("security",
            ["penetration testing", "network security", "siem", "splunk", "owasp", "iam", "cryptography",
             "incident response", "vulnerability assessment", "threat modeling", "soc 2", "iso 27001", "firewalls",
             "zero trust", "wireshark", "burp suite", "oauth", "security auditing", "malware analysis", "devsecops"],
            ["Security Engineer", "Security Analyst", "Penetration Tester"]),
        new("qa",
            ["selenium", "cypress", "playwright", "test automation", "unit testing", "jest", "pytest", "junit",
             "performance testing", "jmeter", "manual testing", "api testing", "postman", "cucumber", "bdd", "tdd",
             "load testing", "appium"],
            ["QA Engineer", "Test Automation Engineer", "Quality Assurance Analyst"]),
        new("embedded",
            ["c++", "embedded c", "rtos", "fpga", "verilog", "vhdl", "microcontrollers", "iot", "firmware",
             "embedded linux", "can bus", "matlab", "simulink", "pcb design", "assembly language", "device drivers",
             "bluetooth low energy", "yocto"],
            ["Embedded Software Engineer", "Firmware Engineer", "IoT Engineer"]),
        new("product",
            ["figma", "sketch", "adobe xd", "ui design", "ux research", "user research", "prototyping", "wireframing",
             "product management", "scrum", "jira", "design systems", "roadmapping", "stakeholder management",
             "confluence", "kanban", "product analytics", "usability testing"],
            ["Product Designer", "UX Designer", "Product Manager"]),
    ];

    /// <summary>Skills every domain uses now and then: any job or user may carry one besides its domain's.</summary>
    public static readonly IReadOnlyList<string> CommonSkills = ["git", "sql", "agile", "docker", "rest api", "python", "linux", "jira"];

    /// <summary>Cities, with how many of the board's people and jobs each draws (relative); <see cref="Remote"/> is a location too.</summary>
    public static readonly IReadOnlyList<(string City, double Weight, double PayFactor)> Cities =
    [
        ("New York", 6, 1.25), ("San Francisco", 6, 1.35), ("Seattle", 4, 1.25), ("Austin", 3, 1.05), ("Boston", 3, 1.15),
        ("Chicago", 3, 1.05), ("Denver", 2, 1.0), ("Los Angeles", 3, 1.15), ("Atlanta", 2, 0.95), ("Toronto", 3, 0.95),
        ("Vancouver", 2, 0.9), ("London", 5, 1.05), ("Berlin", 4, 0.9), ("Amsterdam", 3, 0.95), ("Paris", 3, 0.9),
        ("Dublin", 2, 0.95), ("Stockholm", 2, 0.9), ("Zurich", 2, 1.3), ("Madrid", 2, 0.7), ("Barcelona", 2, 0.7),
        ("Lisbon", 2, 0.6), ("Warsaw", 2, 0.6), ("Prague", 1.5, 0.6), ("Munich", 2, 0.95), ("Tel Aviv", 2, 1.0),
        ("Singapore", 3, 1.0), ("Tokyo", 3, 0.9), ("Sydney", 2.5, 1.0), ("Melbourne", 2, 0.95), ("Bangalore", 4, 0.35),
        ("Hyderabad", 2, 0.3), ("Manila", 2, 0.3), ("Cebu", 1, 0.25), ("Sao Paulo", 2, 0.4), ("Mexico City", 2, 0.4),
        ("Buenos Aires", 1.5, 0.35), ("Cape Town", 1, 0.4), ("Nairobi", 1, 0.3), ("Dubai", 1.5, 0.9), ("Seoul", 2, 0.8),
    ];

    /// <summary>The first half of a company's name; with <see cref="CompanySuffixes"/> 300 distinct names.</summary>
    public static readonly IReadOnlyList<string> CompanyPrefixes =
    [
        "Acme", "Bluefin", "Nimbus", "Quantum", "Brightline", "Cobalt", "Evergreen", "Foxglove", "Granite", "Harbor",
        "Ironwood", "Juniper", "Keystone", "Lumen", "Meridian", "Northwind", "Orbital", "Pinecrest", "Quill", "Redwood",
        "Silverline", "Tidal", "Umbra", "Vantage", "Wavelength", "Xenith", "Yellowstone", "Zephyr", "Aurora", "Beacon",
    ];

    public static readonly IReadOnlyList<string> CompanySuffixes =
        ["Labs", "Systems", "Technologies", "Software", "Digital", "Works", "Analytics", "Networks", "Solutions", "Group"];

    /// <summary>Sentences without a single skill in them: what descriptions say besides the skills.</summary>
    public static readonly IReadOnlyList<string> Filler =
    [
        "You will own features from design to production.",
        "We value clear writing, careful reviews and shipping small changes often.",
        "Our team is small, friendly and cares about the people who use what we build.",
        "You will mentor colleagues and help shape how we work.",
        "We offer flexible hours, a learning budget and a generous holiday allowance.",
        "You will work closely with product, design and support.",
        "We are growing quickly and you will have real influence on our direction.",
        "Expect thoughtful code reviews and a calm, focused working week.",
        "We care about quality, reliability and the long-term health of our systems.",
        "You will help customers solve hard problems every day.",
    ];

    public static readonly IReadOnlyList<string> Perks =
    [
        "Health insurance, a pension plan and a yearly team retreat.",
        "Home office budget and a quiet, well-lit office when you want one.",
        "Parental leave, sabbaticals and paid volunteering days.",
        "Stock options and an annual bonus tied to company results.",
    ];
}
