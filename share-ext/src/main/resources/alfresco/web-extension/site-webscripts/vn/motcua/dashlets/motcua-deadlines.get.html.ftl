<@markup id="css">
   <@link href="${url.context}/res/motcua/components/dashlets/motcua-deadlines.css" group="dashlets"/>
</@>

<@markup id="js">
   <@script src="${url.context}/res/motcua/components/dashlets/motcua-deadlines.js" group="dashlets"/>
</@>

<@markup id="widgets">
   <@createWidgets group="dashlets"/>
</@>

<@markup id="html">
   <@uniqueIdDiv>
      <#assign el=args.htmlid?html>
      <div class="dashlet motcua-deadlines">
         <div class="title">${msg("header")}</div>
         <div class="body scrollableList">
            <div id="${el}-message" class="motcua-deadlines-message">${msg("message.loading")}</div>
            <table id="${el}-table" class="motcua-deadlines-table hidden">
               <thead>
                  <tr>
                     <th>${msg("column.code")}</th>
                     <th>${msg("column.procedure")}</th>
                     <th>${msg("column.dueAt")}</th>
                     <th>${msg("column.status")}</th>
                     <th>${msg("column.deadline")}</th>
                  </tr>
               </thead>
               <tbody id="${el}-rows"></tbody>
            </table>
         </div>
      </div>
   </@>
</@>
