/*
 * The dashlet's data comes from the browser through Share's proxy endpoint "motcua":
 *   GET /share/proxy/motcua/api/alfresco/dashlet
 *   -> [{"code": "...", "procedureName": "...", "dueAt": "<ISO 8601>", "status": "<dossier status>", "overdue": true|false}]
 * for the user whose ticket the endpoint forwards.
 */
model.widgets = [
{
   id: "MotcuaDeadlines",
   name: "MotCua.dashlet.Deadlines",
   options:
   {
      dataUrl: url.context + "/proxy/motcua/api/alfresco/dashlet"
   }
}];
