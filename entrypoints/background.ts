export default defineBackground(() => {
  console.debug('backstory background up');
});
