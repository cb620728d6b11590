export { AuthorisePaymentPage as default } from './movement-operation-page';
