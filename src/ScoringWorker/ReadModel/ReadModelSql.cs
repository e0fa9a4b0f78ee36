namespace iAyos.Messaging.ScoringWorker.ReadModel;

/// <summary>
/// One upsert per event type. Profiles are last-writer-wins on occurred_at; job facts each own their
/// columns, so any arrival order converges on the same row and a repeat writes the same values again.
/// </summary>
public static class ReadModelSql
{
    public const string Client = """
        INSERT INTO marketplace.clients AS t (id, display_name, updated_at) VALUES (@ClientId, @DisplayName, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
        WHERE t.updated_at <= EXCLUDED.updated_at
        """;

    public const string Cleaner = """
        INSERT INTO marketplace.cleaners AS t (id, display_name, hourly_rate, latitude, longitude, offers_eco, updated_at)
        VALUES (@CleanerId, @DisplayName, @HourlyRate, @Latitude, @Longitude, @OffersEcoProducts, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, hourly_rate = EXCLUDED.hourly_rate,
            latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, offers_eco = EXCLUDED.offers_eco, updated_at = EXCLUDED.updated_at
        WHERE t.updated_at <= EXCLUDED.updated_at
        """;

    public const string Property = """
        INSERT INTO marketplace.properties AS t (id, client_id, property_type, size_m2, latitude, longitude, eco_preference, updated_at)
        VALUES (@PropertyId, @ClientId, @PropertyType, @SizeM2, @Latitude, @Longitude, @EcoPreference, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET client_id = EXCLUDED.client_id, property_type = EXCLUDED.property_type,
            size_m2 = EXCLUDED.size_m2, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
            eco_preference = EXCLUDED.eco_preference, updated_at = EXCLUDED.updated_at
        WHERE t.updated_at <= EXCLUDED.updated_at
        """;

    public const string JobPosted = """
        INSERT INTO marketplace.jobs AS t (id, client_id, property_id, estimated_hours, client_budget, posted_at)
        VALUES (@JobId, @ClientId, @PropertyId, @EstimatedHours, @ClientBudget, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET client_id = EXCLUDED.client_id, property_id = EXCLUDED.property_id,
            estimated_hours = EXCLUDED.estimated_hours, client_budget = EXCLUDED.client_budget, posted_at = EXCLUDED.posted_at
        """;

    public const string BidPlaced = """
        INSERT INTO marketplace.bids (id, job_id, cleaner_id, amount, placed_at) VALUES (@BidId, @JobId, @CleanerId, @Amount, @OccurredAt)
        ON CONFLICT (id) DO NOTHING
        """;

    public const string BidAccepted = """
        INSERT INTO marketplace.jobs AS t (id, accepted_bid_id, accepted_cleaner_id, accepted_at) VALUES (@JobId, @BidId, @CleanerId, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET accepted_bid_id = EXCLUDED.accepted_bid_id,
            accepted_cleaner_id = EXCLUDED.accepted_cleaner_id, accepted_at = EXCLUDED.accepted_at
        """;

    // Later lifecycle events also name the cleaner, so a job is attributed even before its acceptance arrives.
    public const string JobConfirmed = """
        INSERT INTO marketplace.jobs AS t (id, accepted_cleaner_id, confirmed_at, scheduled_start) VALUES (@JobId, @CleanerId, @OccurredAt, @ScheduledStart)
        ON CONFLICT (id) DO UPDATE SET confirmed_at = EXCLUDED.confirmed_at, scheduled_start = EXCLUDED.scheduled_start,
            accepted_cleaner_id = coalesce(t.accepted_cleaner_id, EXCLUDED.accepted_cleaner_id)
        """;

    public const string JobStarted = """
        INSERT INTO marketplace.jobs AS t (id, accepted_cleaner_id, started_at) VALUES (@JobId, @CleanerId, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at,
            accepted_cleaner_id = coalesce(t.accepted_cleaner_id, EXCLUDED.accepted_cleaner_id)
        """;

    public const string JobCompleted = """
        INSERT INTO marketplace.jobs AS t (id, accepted_cleaner_id, completed_at) VALUES (@JobId, @CleanerId, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET completed_at = EXCLUDED.completed_at,
            accepted_cleaner_id = coalesce(t.accepted_cleaner_id, EXCLUDED.accepted_cleaner_id)
        """;

    public const string JobCancelled = """
        INSERT INTO marketplace.jobs AS t (id, cancelled_at, cancelled_cleaner_id, cancel_reason) VALUES (@JobId, @OccurredAt, @CleanerId, @Reason)
        ON CONFLICT (id) DO UPDATE SET cancelled_at = EXCLUDED.cancelled_at,
            cancelled_cleaner_id = EXCLUDED.cancelled_cleaner_id, cancel_reason = EXCLUDED.cancel_reason
        """;

    public const string PhotosSubmitted = """
        INSERT INTO marketplace.jobs AS t (id, accepted_cleaner_id, photo_count, photos_at) VALUES (@JobId, @CleanerId, @PhotoCount, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET photo_count = EXCLUDED.photo_count, photos_at = EXCLUDED.photos_at,
            accepted_cleaner_id = coalesce(t.accepted_cleaner_id, EXCLUDED.accepted_cleaner_id)
        """;

    public const string ReviewSubmitted = """
        INSERT INTO marketplace.reviews (id, job_id, cleaner_id, client_id, overall, quality, communication, professionalism, timeliness, comment, submitted_at)
        VALUES (@ReviewId, @JobId, @CleanerId, @ClientId, @Overall, @Quality, @Communication, @Professionalism, @Timeliness, @Comment, @OccurredAt)
        ON CONFLICT (id) DO NOTHING
        """;

    public const string PaymentRecorded = """
        INSERT INTO marketplace.payments (id, job_id, cleaner_id, amount, platform_fee, currency, paid_at)
        VALUES (@PaymentId, @JobId, @CleanerId, @Amount, @PlatformFee, @Currency, @OccurredAt)
        ON CONFLICT (id) DO NOTHING
        """;

    // Closing the loop: what upstream reports about recommended jobs and suggested bids.
    public const string BidPlacedOutcomes = """
        UPDATE scoring.job_recommendations SET bid_placed_at = coalesce(bid_placed_at, @OccurredAt)
        WHERE job_id = @JobId AND cleaner_id = @CleanerId;
        UPDATE scoring.bid_suggestions
        SET actual_bid = @Amount, was_used = abs(@Amount - optimal_bid) <= 0.05 * optimal_bid, outcome_at = coalesce(outcome_at, @OccurredAt)
        WHERE job_id = @JobId AND cleaner_id = @CleanerId;
        """;

    public const string BidAcceptedOutcomes = """
        UPDATE scoring.job_recommendations SET bid_accepted_at = coalesce(bid_accepted_at, @OccurredAt)
        WHERE job_id = @JobId AND cleaner_id = @CleanerId;
        UPDATE scoring.cleaner_recommendations SET hired_at = coalesce(hired_at, @OccurredAt)
        WHERE job_id = @JobId AND cleaner_id = @CleanerId;
        UPDATE scoring.bid_suggestions SET did_win = (cleaner_id = @CleanerId), outcome_at = coalesce(outcome_at, @OccurredAt)
        WHERE job_id = @JobId;
        """;
}
