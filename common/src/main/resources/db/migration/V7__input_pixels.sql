-- A task's input size (width x height of the image it read), recorded at launch: an image task's memory follows
-- the pixels it holds, so the predictor learns usage per input size instead of averaging small and large inputs.
-- NULL for tasks launched before this column existed or whose input could not be probed.
ALTER TABLE tasks ADD COLUMN input_pixels BIGINT;
