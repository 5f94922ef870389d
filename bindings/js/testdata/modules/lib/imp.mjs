export default 'imp';
