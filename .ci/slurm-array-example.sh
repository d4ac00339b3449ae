#!/bin/bash
# Example: render a batch as a Slurm job array, one shard per task. Slurm sets
# SLURM_ARRAY_TASK_ID (1..8 here) and SLURM_ARRAY_TASK_COUNT; each task writes its own folder.
#   sbatch .ci/slurm-array-example.sh
#   # when every task has finished:
#   .build/release/folio merge shards/shard-* --output Output
#SBATCH --job-name=folio-briefings
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --output=shards/log-%a.txt
set -euo pipefail
.build/release/folio run --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" \
    --data 'sheets/*.txt' --output "shards/shard-$SLURM_ARRAY_TASK_ID"
