// @ts-check
// Shared JSDoc types of the fake MLflow server. Nothing runs here; other files import the typedefs.

/**
 * A registered-model version. `version` is a number here and a string on the wire.
 * @typedef {object} ModelVersion
 * @property {string} name
 * @property {number} version
 * @property {number} creationTimestamp
 * @property {number} lastUpdatedTimestamp
 * @property {string} currentStage  'None' | 'Staging' | 'Production' | 'Archived'
 * @property {string} [description]
 * @property {string} source
 * @property {string} [runId]
 * @property {string} [runLink]
 * @property {string} status  'READY' | 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION'
 * @property {string} [statusMessage]
 * @property {string} [userId]  only emitted in Databricks mode
 * @property {Map<string, string>} tags  insertion order
 * @property {boolean} deleted  soft delete (MLflow's `Deleted_Internal` stage): hidden from every read
 */

/**
 * @typedef {object} RegisteredModel
 * @property {string} name
 * @property {number} creationTimestamp
 * @property {number} lastUpdatedTimestamp
 * @property {string} [description]
 * @property {Map<string, string>} tags  insertion order
 * @property {Map<string, number>} aliases  alias -> version number, insertion order; may dangle after a version delete
 * @property {Map<number, ModelVersion>} versions  ascending version numbers, soft-deleted ones included
 */

/**
 * One logged metric value. `value` is already clamped: ±Infinity is stored as ±Number.MAX_VALUE.
 * @typedef {{ key: string, value: number, timestamp: number, step: number }} Metric
 */

/**
 * @typedef {object} Run
 * @property {string} runId
 * @property {string} runName
 * @property {string} experimentId
 * @property {string} [userId]
 * @property {string} status  'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED'
 * @property {number} startTime
 * @property {number} [endTime]
 * @property {string} artifactUri
 * @property {'active' | 'deleted'} lifecycleStage
 * @property {Metric[]} metrics  the full history; runs/get reports one value per key
 * @property {Map<string, string>} params
 * @property {Map<string, string>} tags
 */

/**
 * @typedef {object} Experiment
 * @property {string} experimentId
 * @property {string} name
 * @property {string} artifactLocation
 * @property {'active' | 'deleted'} lifecycleStage
 * @property {number} creationTime
 * @property {number} lastUpdateTime
 * @property {Map<string, string>} tags
 */

/**
 * Examples a human or a test can use without scanning the data.
 * @typedef {object} Samples
 * @property {string[]} trickyModelNames
 * @property {string[]} promptNames
 * @property {string[]} gcRunIds  referenced by versions, but gone (404)
 * @property {string[]} deletedRunIds  lifecycle_stage "deleted", still readable
 * @property {string[]} nanMetricRunIds
 * @property {string[]} infiniteMetricRunIds
 */

/**
 * Everything a store is loaded from: the output of the generator or of a seed file.
 * Runs may be lazy: `lazyRuns` maps a run id to an opaque descriptor that `materializeRun` turns into a Run.
 * @typedef {object} Dataset
 * @property {Experiment[]} experiments
 * @property {Run[]} runs
 * @property {RegisteredModel[]} models
 * @property {Map<string, unknown>} [lazyRuns]
 * @property {(runId: string, descriptor: unknown) => Run} [materializeRun]
 * @property {Samples} samples
 */

/** @typedef {'oss3' | 'oss3-next' | 'databricks'} Mode */

export {};
