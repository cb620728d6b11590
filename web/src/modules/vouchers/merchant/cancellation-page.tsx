export { CancellationPage as default } from './movement-operation-page';
