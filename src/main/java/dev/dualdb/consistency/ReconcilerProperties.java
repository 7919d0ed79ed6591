package dev.dualdb.consistency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The reconciler that finds and repairs drift between MongoDB, PostgreSQL and the blob
 * store.
 *
 * @param scheduled whether it runs on a schedule in the service (it can always be run on
 * demand)
 * @param interval time between scheduled runs
 * @param initialDelay time from start-up to the first scheduled run
 * @param batchSize rows or owners looked at per query: memory stays bounded whatever the
 * table sizes
 * @param blobGrace bytes or index rows that nothing refers to are collected only once
 * older than this, so an upload still on its way is never mistaken for garbage
 * @param sampleSize blobs whose size and hash are re-checked on a scheduled run (a full
 * audit checks all)
 * @param hashBudget the most bytes a run that is not a full audit reads to re-hash its
 * sample: the bound on its cost in blob-store reads (a full audit reads every byte)
 */
@ConfigurationProperties("dualdb.reconciler")
public record ReconcilerProperties(@DefaultValue("true") boolean scheduled, @DefaultValue("1h") Duration interval,
        @DefaultValue("5m") Duration initialDelay, @DefaultValue("1000") int batchSize,
        @DefaultValue("1h") Duration blobGrace, @DefaultValue("50") int sampleSize,
        @DefaultValue("1GB") DataSize hashBudget) {
}
