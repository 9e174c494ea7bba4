/**
 * MotCua document-library actions. Both call the MotCua server through Share's proxy endpoint "motcua"
 * (/share/proxy/motcua/...), so the browser never talks to the server directly and Share's CSRF filter applies.
 *
 * Server contract (implemented by motcua-server in Alfresco mode):
 *   GET  api/alfresco/desk-url?dossierCode=<code>      -> {"url": "<absolute URL of the dossier on the desk>"}
 *   POST api/alfresco/verify?nodeRef=<nodeRef>         -> {"verdict": "VALID|INVALID|INDETERMINATE|UNSIGNED", ...}
 */
(function()
{
   var PROXY = Alfresco.constants.URL_CONTEXT + "proxy/motcua/api/alfresco/";

   function openDeskFailed(scope, desk)
   {
      if (desk)
      {
         desk.close();
      }
      Alfresco.util.PopupManager.displayMessage(
      {
         text: scope.msg("motcua.message.openDesk.failure")
      });
   }

   YAHOO.Bubbling.fire("registerAction",
   {
      actionName: "onActionMotcuaOpenDesk",
      fn: function MotCua_onActionOpenDesk(record)
      {
         var code = record.node.properties["mc:dossierCode"],
            // Opened now, while the click still counts as a user gesture, so that pop-up blockers allow it.
            desk = window.open("", "_blank");
         Alfresco.util.Ajax.jsonGet(
         {
            url: PROXY + "desk-url?dossierCode=" + encodeURIComponent(code),
            successCallback:
            {
               fn: function(response)
               {
                  var url = response.json && response.json.url;
                  if (desk && typeof url === "string" && /^https?:\/\//.test(url))
                  {
                     desk.location.href = url;
                  }
                  else
                  {
                     openDeskFailed(this, desk);
                  }
               },
               scope: this
            },
            failureCallback:
            {
               fn: function()
               {
                  openDeskFailed(this, desk);
               },
               scope: this
            }
         });
      }
   });

   YAHOO.Bubbling.fire("registerAction",
   {
      actionName: "onActionMotcuaVerifySignature",
      fn: function MotCua_onActionVerifySignature(record)
      {
         var name = record.displayName,
            progress = Alfresco.util.PopupManager.displayMessage(
            {
               text: this.msg("motcua.message.verify.running", name),
               spanClass: "wait",
               displayTime: 0
            });
         Alfresco.util.Ajax.jsonPost(
         {
            url: PROXY + "verify?nodeRef=" + encodeURIComponent(record.nodeRef),
            successCallback:
            {
               fn: function(response)
               {
                  progress.destroy();
                  var verdict = response.json && response.json.verdict;
                  Alfresco.util.PopupManager.displayMessage(
                  {
                     text: this.msg("motcua.message.verify." + verdict, name)
                  });
                  // The server wrote mc:signed; reload the list so indicators and metadata lines follow.
                  YAHOO.Bubbling.fire("metadataRefresh");
               },
               scope: this
            },
            failureCallback:
            {
               fn: function()
               {
                  progress.destroy();
                  Alfresco.util.PopupManager.displayMessage(
                  {
                     text: this.msg("motcua.message.verify.failure", name)
                  });
               },
               scope: this
            }
         });
      }
   });

})();
