// What the numbers in a model version's metrics mean; a name not listed here gets a generic tooltip.
const known = {
  mae: 'Mean absolute error on the held-out test rows, in the target\'s unit (lower is better).',
  rmse: 'Root mean squared error on the held-out test rows, in the target\'s unit (lower is better).',
  mse: 'Mean squared error on the held-out test rows (lower is better).',
  r2: 'R²: the share of the target\'s variance the model explains on test rows (1 is perfect, 0 is the mean).',
  mape: 'Mean absolute percentage error on test rows (lower is better).',
  auc: 'Area under the ROC curve on test rows: the chance a positive ranks above a negative (0.5 is chance).',
  validation_auc: 'Area under the ROC curve on the validation rows.',
  accuracy: 'Share of test rows classified correctly.',
  coverage: 'Share of test rows whose true value fell inside the predicted interval.',
  validation_mse: 'Mean squared error on the validation rows at the best epoch (lower is better).',
  validation_loss: 'The loss on the validation rows at the best epoch (lower is better).',
  epochs_run: 'Epochs the run trained before it stopped (early stopping or the epoch limit).',
  best_epoch: 'The epoch whose weights were kept (lowest validation loss).',
  training_seconds: 'Wall-clock seconds the training took.',
  seconds_per_epoch: 'Mean wall-clock seconds per epoch.',
  onnx_max_abs_error: 'Largest difference between the exported ONNX model and the trained network on test rows (a check of the export).',
  train_rows: 'Rows the model was fitted on.', fit_rows: 'Rows the model was fitted on.', train_samples: 'Rows the model was fitted on.',
  validation_rows: 'Rows used to pick the epoch and calibrate intervals.', validation_samples: 'Rows used to pick the epoch.',
  test_rows: 'Held-out rows the test metrics are computed on.', test_samples: 'Held-out rows the test metrics are computed on.',
  interval_half_width: 'Half the width of the 75% prediction interval (split-conformal on validation rows).',
  mean_range_width: 'Mean width of the suggested bid range.',
  optimal_mae: 'Mean absolute error of the optimal bid against the winning bid.',
  market_mae: 'Mean absolute error of the market average used as a bid (the baseline).',
};

export function metricTitle(name) {
  if (known[name]) return known[name];
  // Dotted names: the last part is the measure, the first says on which rows (test, validation, fallback).
  const parts = name.split('.');
  if (parts.length > 1) {
    const measure = known[parts.at(-1)] ?? `${parts.at(-1).replaceAll('_', ' ')}.`;
    const where = { test: 'on the held-out test rows', validation: 'on the validation rows', fallback: 'of the fallback estimator on the test rows' }[parts[0]] ?? `(${parts[0]})`;
    return `${parts.slice(1, -1).join(' ').replaceAll('_', ' ')} ${where}: ${measure}`.trim();
  }
  if (name.startsWith('test_')) return `${name.slice(5).replaceAll('_', ' ')}, measured on the held-out test rows.`;
  if (name.startsWith('validation_')) return `${name.slice(11).replaceAll('_', ' ')}, measured on the validation rows.`;
  return `${name.replaceAll('_', ' ')}, as the training run recorded it.`;
}
