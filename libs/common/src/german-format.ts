// The German formatters live with the workflows (their sandbox cannot import the libs).
export { germanDate, germanDateTime, germanDuration } from '@sro/workflows/shared/german-format';
