// Forms with data-confirm ask before submitting (inline handlers are blocked by the content security policy).
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    e.preventDefault();
  }
});
