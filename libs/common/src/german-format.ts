// The German formatters live with the workflows (their sandbox cannot import the libs).
export { germanDate, germanDateTime, germanDuration, germanEuro } from '@sro/workflows/shared/german-format';
