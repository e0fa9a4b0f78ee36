-- Job categories with default price ranges (PHP) and typical durations for Philippine blue-collar
-- home services. The fallback estimators blend these with statistics of completed jobs.
CREATE TABLE iayos.categories (
    id                integer       PRIMARY KEY,
    name              text          NOT NULL UNIQUE,
    default_min_price numeric(12,2) NOT NULL,
    default_avg_price numeric(12,2) NOT NULL,
    default_max_price numeric(12,2) NOT NULL,
    default_hours     double precision NOT NULL,
    CONSTRAINT categories_price_order CHECK (0 < default_min_price AND default_min_price <= default_avg_price AND default_avg_price <= default_max_price),
    CONSTRAINT categories_hours_positive CHECK (default_hours > 0)
);

INSERT INTO iayos.categories (id, name, default_min_price, default_avg_price, default_max_price, default_hours) VALUES
    ( 1, 'Plumbing',               800,  1800,  4500,  3.0),
    ( 2, 'Electrical',             900,  2000,  5000,  3.0),
    ( 3, 'Carpentry',             1200,  3000,  8000,  6.0),
    ( 4, 'Painting',              1500,  4000, 12000, 10.0),
    ( 5, 'House Cleaning',         600,  1200,  2500,  4.0),
    ( 6, 'Appliance Repair',       700,  1500,  3500,  2.5),
    ( 7, 'Aircon Servicing',       800,  1600,  3500,  2.0),
    ( 8, 'Masonry',               2000,  5000, 15000, 16.0),
    ( 9, 'Welding',               1200,  3000,  8000,  5.0),
    (10, 'Roofing',               2500,  6000, 18000, 12.0),
    (11, 'Gardening',              500,  1200,  3000,  4.0),
    (12, 'Moving and Hauling',    1500,  3500,  8000,  5.0),
    (13, 'Auto Mechanic',         1000,  2500,  7000,  4.0),
    (14, 'Tiling',                2000,  5000, 14000, 12.0),
    (15, 'Pest Control',          1000,  2200,  5000,  2.5),
    (16, 'Laundry',                300,   700,  1500,  3.0),
    (17, 'Computer Repair',        600,  1500,  3500,  2.0),
    (18, 'Home Renovation',       5000, 15000, 50000, 40.0),
    (19, 'Handyman',               500,  1200,  3000,  3.0),
    (20, 'Cooking and Catering',  1500,  4000, 10000,  6.0);

-- Jobs as the marketplace reports them; completed ones feed category statistics and training.
CREATE TABLE iayos.jobs (
    id              bigint        PRIMARY KEY,
    category_id     integer       NOT NULL REFERENCES iayos.categories (id),
    title           text          NOT NULL,
    description     text          NOT NULL DEFAULT '',
    budget          numeric(12,2) NOT NULL CHECK (budget >= 0),
    urgency         text          NOT NULL CHECK (urgency IN ('LOW', 'MEDIUM', 'HIGH')),
    skill_level     text          NOT NULL CHECK (skill_level IN ('ENTRY', 'INTERMEDIATE', 'EXPERT')),
    materials_count integer       NOT NULL DEFAULT 0 CHECK (materials_count >= 0),
    job_type        text          NOT NULL CHECK (job_type IN ('LISTING', 'INVITE')),
    status          text          NOT NULL CHECK (status IN ('ACTIVE', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    worker_id       bigint,
    created_at      timestamptz   NOT NULL,
    started_at      timestamptz,
    completed_at    timestamptz,
    CONSTRAINT jobs_completed_after_start CHECK (completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at)
);

CREATE INDEX jobs_completed_by_category ON iayos.jobs (category_id) WHERE status = 'COMPLETED';
