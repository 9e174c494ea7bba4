/**
 * MotCua deadlines dashlet: lists the user's due-soon and overdue dossiers returned by the MotCua server
 * (see motcua-deadlines.get.js for the JSON shape). Values are inserted as text, never as HTML.
 */
if (typeof MotCua == "undefined" || !MotCua)
{
   var MotCua = {};
}
MotCua.dashlet = MotCua.dashlet || {};

(function()
{
   var Dom = YAHOO.util.Dom;

   MotCua.dashlet.Deadlines = function MotCua_Deadlines(htmlId)
   {
      return MotCua.dashlet.Deadlines.superclass.constructor.call(this, "MotCua.dashlet.Deadlines", htmlId);
   };

   YAHOO.extend(MotCua.dashlet.Deadlines, Alfresco.component.Base,
   {
      options:
      {
         dataUrl: null
      },

      onReady: function Deadlines_onReady()
      {
         Alfresco.util.Ajax.jsonGet(
         {
            url: this.options.dataUrl,
            successCallback:
            {
               fn: this.render,
               scope: this
            },
            failureCallback:
            {
               fn: function()
               {
                  this.showMessage("message.failure");
               },
               scope: this
            }
         });
      },

      render: function Deadlines_render(response)
      {
         var dossiers = YAHOO.lang.isArray(response.json) ? response.json : [],
            rows = Dom.get(this.id + "-rows");
         if (dossiers.length === 0)
         {
            this.showMessage("message.empty");
            return;
         }
         // Overdue first, then by due date.
         dossiers.sort(function(a, b)
         {
            if (a.overdue !== b.overdue)
            {
               return a.overdue ? -1 : 1;
            }
            return String(a.dueAt).localeCompare(String(b.dueAt));
         });
         for (var i = 0; i < dossiers.length; i++)
         {
            var d = dossiers[i],
               row = document.createElement("tr"),
               due = d.dueAt ? Alfresco.util.formatDate(Alfresco.util.fromISO8601(d.dueAt), "dd/mm/yyyy HH:MM") : "";
            row.className = d.overdue ? "motcua-overdue" : "motcua-due-soon";
            this.cell(row, d.code);
            this.cell(row, d.procedureName);
            this.cell(row, due);
            this.cell(row, this.msg("status." + d.status));
            this.cell(row, this.msg(d.overdue ? "deadline.overdue" : "deadline.dueSoon"));
            rows.appendChild(row);
         }
         Dom.addClass(this.id + "-message", "hidden");
         Dom.removeClass(this.id + "-table", "hidden");
      },

      cell: function Deadlines_cell(row, text)
      {
         var td = document.createElement("td");
         td.appendChild(document.createTextNode(text == null ? "" : String(text)));
         row.appendChild(td);
      },

      showMessage: function Deadlines_showMessage(messageId)
      {
         var message = Dom.get(this.id + "-message");
         message.textContent = this.msg(messageId);
         Dom.removeClass(message, "hidden");
         Dom.addClass(this.id + "-table", "hidden");
      }
   });
})();
