<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="134" />
        <source>The first administrator</source>
        <translation>El primer administrador</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="135" />
        <source>An admin can change every setting later and add cashiers. Keep the PIN safe.</source>
        <translation>Un administrador puede cambiar todos los ajustes más adelante y dar de alta cajeros. Guarde bien el PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="146" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="147" />
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (de 4 a 8 cifras)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="148" />
        <source>PIN again</source>
        <translation>Repita el PIN</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/approval_dialog.py" line="21" />
        <source>Manager approval</source>
        <translation>Autorización del encargado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval_dialog.py" line="30" />
        <source>Manager PIN:</source>
        <translation>PIN del encargado:</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="55" />
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="71" />
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="76" />
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="80" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="80" />
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="81" />
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="81" />
        <location filename="../../pos/ui/audit_dialog.py" line="86" />
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="84" />
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="86" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="86" />
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="86" />
        <source>Approved by</source>
        <translation>Autorizado por</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="87" />
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="103" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/audit_dialog.py" line="120" />
        <source>%n entries</source>
        <translation><numerusform>%n entrada</numerusform><numerusform>%n entradas</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="122" />
        <source>✔ Chain intact: no entry was altered</source>
        <translation>✔ Cadena intacta: ninguna entrada se ha alterado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/audit_dialog.py" line="125" />
        <source>✖ Chain broken: entries were altered</source>
        <translation>✖ Cadena rota: se han alterado entradas</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="26" />
        <source>Qty</source>
        <translation>Ud.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="26" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="26" />
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="26" />
        <source>Disc.</source>
        <translation>Dto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="27" />
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
</context>
<context>
    <name>CashCountWidget</name>
    <message>
        <location filename="../../pos/ui/cash_count_widget.py" line="36" />
        <source>Pieces of %1</source>
        <translation>Piezas de %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_count_widget.py" line="63" />
        <source>Counted: %1</source>
        <translation>Contado: %1</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="55" />
        <source>e.g. bank deposit, change from the bank</source>
        <translation>p. ej. ingreso en el banco, cambio del banco</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="56" />
        <source>Amount:</source>
        <translation>Importe:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="57" />
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="64" />
        <source>Stock count</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="91" />
        <source>Start a stock count</source>
        <translation>Empezar un recuento de inventario</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="97" />
        <location filename="../../pos/ui/count_screen.py" line="219" />
        <source>Whole store</source>
        <translation>Toda la tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="97" />
        <source>One category</source>
        <translation>Una categoría</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="98" />
        <source>One zone (only what is scanned)</source>
        <translation>Una zona (solo lo que se escanee)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="106" />
        <source>Zone or note, e.g. Aisle 3</source>
        <translation>Zona o nota, p. ej. Pasillo 3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="110" />
        <source>Start count</source>
        <translation>Empezar recuento</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="113" />
        <source>Suggested for the next cycle count:</source>
        <translation>Sugerencias para el próximo recuento cíclico:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="118" />
        <location filename="../../pos/ui/count_screen.py" line="157" />
        <location filename="../../pos/ui/count_screen.py" line="197" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="132" />
        <source>Qty</source>
        <translation>Ud.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="136" />
        <source>Scan or type a barcode (each scan counts one)…</source>
        <translation>Escanee o teclee un código (cada lectura cuenta uno)…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="139" />
        <source>Quantity for the next scan:</source>
        <translation>Cantidad para la próxima lectura:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="143" />
        <source>Nothing counted yet.</source>
        <translation>Aún no se ha contado nada.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="151" />
        <source>Undo my last scan</source>
        <translation>Deshacer mi última lectura</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="152" />
        <source>Merge another till's file…</source>
        <translation>Unir el archivo de otra caja…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="153" />
        <source>Save for another till…</source>
        <translation>Guardar para otra caja…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="154" />
        <source>Cancel count</source>
        <translation>Anular recuento</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="158" />
        <source>Finish → review</source>
        <translation>Terminar → revisar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="185" />
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="186" />
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="189" />
        <source>For the selected lines</source>
        <translation>A las líneas elegidas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="190" />
        <source>For all without one</source>
        <translation>A todas las que no tienen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="193" />
        <source>Back to counting</source>
        <translation>Volver a contar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="195" />
        <source>Variance report (PDF)…</source>
        <translation>Informe de diferencias (PDF)…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="198" />
        <source>Approve and adjust stock</source>
        <translation>Aprobar y ajustar existencias</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="219" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="220" />
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="226" />
        <source>Counting · %1 · started %2 by %3</source>
        <translation>Contando · %1 · empezado %2 por %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="236" />
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="236" />
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="237" />
        <source>cancelled</source>
        <translation>anulado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="238" />
        <source>Review · %1 · %2</source>
        <translation>Revisión · %1 · %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="242" />
        <source>%1 products checked, %2 with a variance. Net value %3 (absolute %4). %5 still need a reason. Expected = on hand at the start + sales and other movements until each product was counted.</source>
        <translation>%1 productos revisados, %2 con diferencia. Valor neto %3 (absoluto %4). A %5 les falta el motivo. Esperado = existencias al empezar + ventas y otros movimientos hasta que se contó cada producto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="290" />
        <source>Taken back: %1 × %2 — counted so far: %3</source>
        <translation>Deshecho: %1 × %2 — contado hasta ahora: %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="292" />
        <source>%1 × %2 — counted so far: %3</source>
        <translation>%1 × %2 — contado hasta ahora: %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="321" />
        <source>Count cancelled; nothing was changed.</source>
        <translation>Recuento anulado; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="350" />
        <source>Stock adjusted. The online store is updated in the background.</source>
        <translation>Existencias ajustadas. La tienda online se actualiza en segundo plano.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="366" />
        <source>Save variance report</source>
        <translation>Guardar informe de diferencias</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="371" />
        <location filename="../../pos/ui/count_screen.py" line="382" />
        <source>Could not save the file: %1</source>
        <translation>No se pudo guardar el archivo: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="376" />
        <source>Save counts for another till</source>
        <translation>Guardar el recuento para otra caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="388" />
        <source>Merge counts from another till</source>
        <translation>Unir el recuento de otra caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="398" />
        <source>Could not read the file: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="404" />
        <source>%1 entries merged, %2 were already here.</source>
        <translation>%1 lecturas unidas, %2 ya estaban.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="407" />
        <source>Unknown here: %1</source>
        <translation>Desconocidos aquí: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_screen.py" line="409" />
        <source>Not in this count: %1</source>
        <translation>Fuera de este recuento: %1</translation>
    </message>
</context>
<context>
    <name>CountedModel</name>
    <message>
        <location filename="../../pos/ui/count_models.py" line="37" />
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="37" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="37" />
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="37" />
        <source>Counted by</source>
        <translation>Contado por</translation>
    </message>
</context>
<context>
    <name>CustomerActions</name>
    <message>
        <location filename="../../pos/ui/customer_actions.py" line="51" />
        <source>Customer removed from the sale.</source>
        <translation>Cliente quitado de la venta.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_actions.py" line="57" />
        <source>Customer: %1</source>
        <translation>Cliente: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_actions.py" line="79" />
        <source>Unknown customer card: %1</source>
        <translation>Tarjeta de cliente desconocida: %1</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="63" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="82" />
        <source>Phone, e-mail, name — or scan the customer's card/QR</source>
        <translation>Teléfono, correo, nombre… o escanee la tarjeta/QR del cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="85" />
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="86" />
        <source>New customer</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="100" />
        <source>Remove customer from sale</source>
        <translation>Quitar cliente de la venta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="102" />
        <source>Attach to sale</source>
        <translation>Asignar a la venta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="106" />
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="124" />
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="125" />
        <source>Last names</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="126" />
        <source>E-mail (their online account)</source>
        <translation>Correo (su cuenta de la tienda online)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="127" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="128" />
        <source>Create customer</source>
        <translation>Crear cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="174" />
        <source>Not found here; asking the online store…</source>
        <translation>No está en la caja; preguntando a la tienda online…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="189" />
        <source>No customer found. Check the spelling or create a new one.</source>
        <translation>No se encontró ningún cliente. Revise lo escrito o cree uno nuevo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="216" />
        <source>online account</source>
        <translation>cuenta online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="216" />
        <source>not yet in the online store</source>
        <translation>aún no está en la tienda online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="217" />
        <source>card</source>
        <translation>tarjeta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="252" />
        <source>Customer created. Their card code is %1.</source>
        <translation>Cliente creado. Su código de tarjeta es %1.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="21" />
        <source>Customer display</source>
        <translation>Visor de cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="54" />
        <source>Welcome to %1</source>
        <translation>Bienvenido a %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="92" />
        <location filename="../../pos/ui/customer_display.py" line="97" />
        <source>TOTAL %1</source>
        <translation>TOTAL %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="96" />
        <source>Thank you for your purchase!</source>
        <translation>¡Gracias por su compra!</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="98" />
        <source>Change %1</source>
        <translation>Cambio %1</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="47" />
        <source>Today at a glance</source>
        <translation>El día de hoy</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="58" />
        <source>Net sales</source>
        <translation>Ventas netas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="59" />
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="60" />
        <source>Average ticket</source>
        <translation>Ticket medio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="61" />
        <source>Online store: waiting / refused</source>
        <translation>Tienda online: en espera / rechazados</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="62" />
        <source>Stock count</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="68" />
        <source>Sales by hour</source>
        <translation>Ventas por hora</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="70" />
        <source>Tenders</source>
        <translation>Formas de pago</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="72" />
        <source>Best sellers (by amount)</source>
        <translation>Más vendidos (por importe)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="74" />
        <source>Online store vs. shop (units; + the store shows more)</source>
        <translation>Tienda online frente a tienda física (uds.; + la web muestra más)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="88" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="90" />
        <source>Online store…</source>
        <translation>Tienda online…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="92" />
        <source>Stock count…</source>
        <translation>Inventario…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="94" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="104" />
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="105" />
        <source>Sales %1 − returns %2</source>
        <translation>Ventas %1 − devoluciones %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="111" />
        <source>none open</source>
        <translation>ninguno abierto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="113" />
        <source>counting</source>
        <translation>contando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="113" />
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="116" />
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="116" />
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="116" />
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="117" />
        <source>Voucher</source>
        <translation>Vale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="118" />
        <source>No sales yet today.</source>
        <translation>Hoy aún no hay ventas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="125" />
        <source>The online store agrees with the shop.</source>
        <translation>La tienda online coincide con la tienda física.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="127" />
        <source>Refused by the online store (open the sync panel to retry or resolve):</source>
        <translation>Rechazado por la tienda online (abra el panel de sincronización para reintentar o resolver):</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dashboard_view.py" line="132" />
        <source>Nothing refused by the online store.</source>
        <translation>La tienda online no ha rechazado nada.</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="40" />
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="47" />
        <source>Receipt printer</source>
        <translation>Impresora de tickets</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="62" />
        <location filename="../../pos/ui/devices_dialog.py" line="81" />
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="63" />
        <source>Model profile</source>
        <translation>Perfil del modelo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="64" />
        <source>Paper (mm)</source>
        <translation>Papel (mm)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="65" />
        <location filename="../../pos/ui/devices_dialog.py" line="82" />
        <source>Status now</source>
        <translation>Estado actual</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="66" />
        <source>Print a test page</source>
        <translation>Imprimir página de prueba</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="72" />
        <source>Scanner</source>
        <translation>Escáner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="83" />
        <source>Scan any product now to test the scanner.</source>
        <translation>Escanee ahora cualquier producto para probar el escáner.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="95" />
        <source>Save (applies at the next start)</source>
        <translation>Guardar (se aplica al reiniciar)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="98" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="112" />
        <source>No printer is running: save the connection and restart the till.</source>
        <translation>No hay impresora en marcha: guarde la conexión y reinicie la caja.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="114" />
        <source>Test page sent: check the accents, ñ, € and the cut.</source>
        <translation>Página de prueba enviada: revise tildes, ñ, € y el corte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="123" />
        <source>barcode</source>
        <translation>código de barras</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="123" />
        <source>GS1 label</source>
        <translation>etiqueta GS1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="123" />
        <source>scale label</source>
        <translation>etiqueta de balanza</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="124" />
        <source>shop code</source>
        <translation>código de tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="128" />
        <source>weight %1 kg</source>
        <translation>peso %1 kg</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices_dialog.py" line="139" />
        <source>Saved. Restart the till to use the new devices.</source>
        <translation>Guardado. Reinicie la caja para usar los nuevos dispositivos.</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../pos/ui/discount_dialog.py" line="29" />
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <location filename="../../pos/ui/discount_dialog.py" line="35" />
        <source>Selected line</source>
        <translation>Línea seleccionada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/discount_dialog.py" line="36" />
        <source>Whole ticket</source>
        <translation>Todo el ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/discount_dialog.py" line="43" />
        <source>Percent (%)</source>
        <translation>Porcentaje (%)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/discount_dialog.py" line="44" />
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
</context>
<context>
    <name>DriftModel</name>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="95" />
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="95" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="95" />
        <source>In shop</source>
        <translation>En tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="95" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="96" />
        <source>Not yet sent</source>
        <translation>Sin enviar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="96" />
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="42" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="42" />
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="42" />
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="42" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_dialog.py" line="42" />
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="100" />
        <source>Shop and till</source>
        <translation>Tienda y caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="101" />
        <source>Printed on every receipt. The till number starts its receipt series (T01-000001).</source>
        <translation>Sale en cada ticket. El número de caja encabeza su serie de tickets (T01-000001).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="112" />
        <source>Shop name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="113" />
        <source>Tax ID</source>
        <translation>NIF / CIF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="114" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="115" />
        <source>Shop code</source>
        <translation>Código de tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="116" />
        <source>Till number</source>
        <translation>Número de caja</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="37" />
        <source>Full invoice for %1</source>
        <translation>Factura completa del ticket %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="50" />
        <source>NIF / CIF / RFC</source>
        <translation>NIF / CIF / RFC</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="56" />
        <source>Name or company</source>
        <translation>Nombre o razón social</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="57" />
        <source>Tax ID</source>
        <translation>NIF / CIF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="58" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="59" />
        <source>E-mail (optional)</source>
        <translation>Correo electrónico (opcional)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="67" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="69" />
        <source>Issue invoice and save PDF</source>
        <translation>Emitir factura y guardar PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="101" />
        <source>Save invoice as PDF</source>
        <translation>Guardar factura en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="86" />
        <source>Invoice %1 issued, but the PDF could not be saved: %2</source>
        <translation>Factura %1 emitida, pero no se pudo guardar el PDF: %2</translation>
    </message>
</context>
<context>
    <name>LineActions</name>
    <message>
        <location filename="../../pos/ui/sale_line_actions.py" line="38" />
        <source>Select a line first.</source>
        <translation>Seleccione primero una línea.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_line_actions.py" line="51" />
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_line_actions.py" line="51" />
        <source>New quantity:</source>
        <translation>Nueva cantidad:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_line_actions.py" line="88" />
        <source>Void sale</source>
        <translation>Anular venta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_line_actions.py" line="88" />
        <source>Void the whole ticket?</source>
        <translation>¿Anular el ticket entero?</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../pos/ui/login_view.py" line="34" />
        <source>Type your PIN and press Enter</source>
        <translation>Teclee su PIN y pulse Intro</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="42" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login_view.py" line="60" />
        <source>Demo mode — cashier Ana: PIN 1234 · manager Marta: PIN 9999</source>
        <translation>Modo demostración — cajera Ana: PIN 1234 · encargada Marta: PIN 9999</translation>
    </message>
</context>
<context>
    <name>Loyalty</name>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="16" />
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="18" />
        <source>%1 min ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="20" />
        <source>%1 h ago</source>
        <translation>hace %1 h</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/loyalty_texts.py" line="21" />
        <source>%n days ago</source>
        <translation><numerusform>hace %n día</numerusform><numerusform>hace %n días</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="27" />
        <source>Wallet: balance not known yet (store not reached)</source>
        <translation>Monedero: saldo aún desconocido (sin conexión con la tienda)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="30" />
        <source>Wallet: %1 (live from the online store)</source>
        <translation>Monedero: %1 (en directo de la tienda online)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="34" />
        <source>Wallet: %1 — last known, %2 (stale: store not reached)</source>
        <translation>Monedero: %1 — último conocido, %2 (no actualizado: sin conexión con la tienda)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="38" />
        <source>%1 not confirmed yet</source>
        <translation>%1 sin confirmar aún</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="40" />
        <source>can spend %1</source>
        <translation>disponible %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="46" />
        <source>Store purchase</source>
        <translation>Compra en tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="47" />
        <source>Online order</source>
        <translation>Pedido online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="48" />
        <source>Pickup</source>
        <translation>Recogida</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="49" />
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="50" />
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="56" />
        <source>completed</source>
        <translation>completado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="57" />
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="58" />
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="59" />
        <location filename="../../pos/ui/loyalty_texts.py" line="60" />
        <source>waiting to sync</source>
        <translation>pendiente de sincronizar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="61" />
        <source>held at checkout</source>
        <translation>retenido en el cobro</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="62" />
        <source>REFUSED by the store</source>
        <translation>RECHAZADO por la tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="63" />
        <source>to prepare</source>
        <translation>por preparar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="64" />
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="65" />
        <source>collected</source>
        <translation>recogido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="66" />
        <source>cancelled</source>
        <translation>anulado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="67" />
        <source>refunded</source>
        <translation>reembolsado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="73" />
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="74" />
        <source>Paid with wallet</source>
        <translation>Pago con monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="75" />
        <source>Cashback returned</source>
        <translation>Cashback devuelto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_texts.py" line="76" />
        <source>Refund to wallet</source>
        <translation>Reembolso al monedero</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="50" />
        <source>Mostrador — %1 · till %2</source>
        <translation>Mostrador — %1 · caja %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="105" />
        <location filename="../../pos/ui/main_window.py" line="285" />
        <source>Not logged in</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="107" />
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="117" />
        <source>Online store: what waits, what was refused</source>
        <translation>Tienda online: lo que espera y lo que se rechazó</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="151" />
        <source>Keyboard-wedge scanner (USB)</source>
        <translation>Escáner de teclado (USB)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="175" />
        <source>Scan the customer's extra items: they go on a normal sale.</source>
        <translation>Escanee los artículos que el cliente añade: van en una venta normal.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="196" />
        <source>Only a manager can change the devices.</source>
        <translation>Solo un encargado puede cambiar los dispositivos.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="208" />
        <source>Only a manager can open Support.</source>
        <translation>Solo un encargado puede abrir Soporte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="222" />
        <source>● Scanner: wrong settings</source>
        <translation>● Escáner: configuración incorrecta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="224" />
        <source>● Scanner: connected</source>
        <translation>● Escáner: conectado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="226" />
        <source>● Scanner: unplugged, retrying</source>
        <translation>● Escáner: desconectado, reintentando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="228" />
        <source>● Scanner: not working</source>
        <translation>● Escáner: no funciona</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="261" />
        <source>Only a manager can change the online store.</source>
        <translation>Solo un encargado puede cambiar la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="268" />
        <source>Cashier</source>
        <translation>Cajero/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="268" />
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="269" />
        <source>Manager</source>
        <translation>Encargado/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="269" />
        <source>Admin</source>
        <translation>Administrador/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="281" />
        <source>Open at logout</source>
        <translation>Abierto al cerrar sesión</translation>
    </message>
</context>
<context>
    <name>ManagerTools</name>
    <message>
        <location filename="../../pos/ui/manager_tools.py" line="46" />
        <source>Stock count…</source>
        <translation>Inventario…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_tools.py" line="49" />
        <source>Today at a glance…</source>
        <translation>El día de hoy…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="23" />
        <source>Something went wrong. The sale is still open; try again or call the manager.</source>
        <translation>Algo ha fallado. La venta sigue abierta; vuelva a intentarlo o llame al encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="33" />
        <source>Unknown barcode: %1</source>
        <translation>Código desconocido: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="36" />
        <source>Barcode %1 is misread (wrong check digit). Scan it again.</source>
        <translation>Código %1 mal leído (dígito de control incorrecto). Vuelva a escanearlo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="39" />
        <source>That is not a barcode we can read. Scan it again.</source>
        <translation>No es un código que podamos leer. Vuelva a escanearlo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="42" />
        <source>The quantity must be greater than zero.</source>
        <translation>La cantidad debe ser mayor que cero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="43" />
        <source>That quantity is too large.</source>
        <translation>Esa cantidad es demasiado grande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="44" />
        <source>Quantities have at most three decimals.</source>
        <translation>Las cantidades admiten como máximo tres decimales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>This ticket has too many lines. Pay it and start a new one.</source>
        <translation>Este ticket tiene demasiadas líneas. Cóbrelo y empiece otro.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="48" />
        <source>That is not a valid quantity.</source>
        <translation>No es una cantidad válida.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="51" />
        <source>That amount is too large.</source>
        <translation>Ese importe es demasiado grande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="52" />
        <source>That is not a valid amount.</source>
        <translation>No es un importe válido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="55" />
        <source>The discount cannot be larger than the amount.</source>
        <translation>El descuento no puede superar el importe.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="56" />
        <source>That is not a valid discount.</source>
        <translation>No es un descuento válido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="59" />
        <source>A card or wallet payment cannot be more than the amount due.</source>
        <translation>Un pago con tarjeta o monedero no puede superar el importe pendiente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="62" />
        <source>That cash amount is far above the total. Check the amount.</source>
        <translation>Ese importe en efectivo supera con mucho el total. Revise el importe.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="65" />
        <source>The ticket is not fully paid yet.</source>
        <translation>El ticket aún no está pagado del todo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="66" />
        <source>The ticket is empty.</source>
        <translation>El ticket está vacío.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="67" />
        <source>The ticket is already paid.</source>
        <translation>El ticket ya está pagado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="68" />
        <source>The payment could not be taken.</source>
        <translation>No se ha podido cobrar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="70" />
        <location filename="../../pos/ui/messages.py" line="78" />
        <source>A manager must approve this.</source>
        <translation>Esto necesita la autorización de un encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="73" />
        <location filename="../../pos/ui/messages.py" line="79" />
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="74" />
        <source>Too many wrong PINs. Wait %1 seconds.</source>
        <translation>Demasiados PIN incorrectos. Espere %1 segundos.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="77" />
        <source>This PIN may not approve that.</source>
        <translation>Ese PIN no puede autorizar esto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="82" />
        <source>The till database is busy. Nothing was lost: press Pay again.</source>
        <translation>La base de datos de la caja está ocupada. No se ha perdido nada: pulse Cobrar de nuevo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="85" />
        <source>The disk is full. Nothing was lost, but call IT before selling on.</source>
        <translation>El disco está lleno. No se ha perdido nada, pero avise a informática antes de seguir vendiendo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="88" />
        <source>This computer has no secure password store; IT can set MOSTRADOR_STORE_KEY and MOSTRADOR_STORE_SECRET instead.</source>
        <translation>Este equipo no tiene almacén seguro de contraseñas; informática puede definir MOSTRADOR_STORE_KEY y MOSTRADOR_STORE_SECRET.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="94" />
        <source>The sale could not be saved. Nothing was lost: try again.</source>
        <translation>No se ha podido guardar la venta. No se ha perdido nada: inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="98" />
        <source>That cannot be done in the order's current state.</source>
        <translation>Eso no se puede hacer en el estado actual del pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="99" />
        <source>That item is not in this order.</source>
        <translation>Ese artículo no está en este pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="100" />
        <source>All units of that item are already picked.</source>
        <translation>Ya están preparadas todas las unidades de ese artículo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="101" />
        <source>Not every item is picked yet.</source>
        <translation>Aún faltan artículos por preparar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="102" />
        <source>Check the customer's code or ID before handing over.</source>
        <translation>Compruebe el código o el documento del cliente antes de entregar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="104" />
        <source>That code does not match the order.</source>
        <translation>Ese código no corresponde al pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="105" />
        <source>This order is paid at the store: take the payment first.</source>
        <translation>Este pedido se paga en tienda: cobre primero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="107" />
        <source>Nothing is left to collect.</source>
        <translation>No queda nada por recoger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="108" />
        <source>This order was cancelled online: do not hand it over. A manager has been told.</source>
        <translation>Este pedido se canceló online: no lo entregue. Se ha avisado al encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="110" />
        <source>Part of this order was already collected.</source>
        <translation>Parte de este pedido ya se recogió.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="112" />
        <source>This order is already paid.</source>
        <translation>Este pedido ya está pagado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="113" />
        <source>The order's lines do not add up to its total: check the order in the online store.</source>
        <translation>Las líneas del pedido no suman su total: revise el pedido en la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="115" />
        <source>A product of this order is not in the till's catalogue: sync the catalogue first.</source>
        <translation>Un producto de este pedido no está en el catálogo de la caja: sincronice el catálogo primero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="117" />
        <source>No payment for this order was found.</source>
        <translation>No se encuentra el cobro de este pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="118" />
        <source>That payment already paid another order.</source>
        <translation>Ese cobro ya pagó otro pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="119" />
        <source>That quantity is not valid.</source>
        <translation>Esa cantidad no es válida.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="120" />
        <source>That entry is already resolved.</source>
        <translation>Esa incidencia ya está resuelta.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="121" />
        <source>Write down what was done.</source>
        <translation>Anote qué se ha hecho.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="122" />
        <source>The pickup desk refused that.</source>
        <translation>No se puede hacer eso en recogidas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="124" />
        <source>A return is invoiced only to correct its ticket's invoice.</source>
        <translation>Una devolución solo se factura como rectificación de la factura de su ticket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="127" />
        <source>The customer's name is needed.</source>
        <translation>Falta el nombre del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="128" />
        <source>That tax ID does not look right (NIF, CIF or RFC).</source>
        <translation>Ese NIF/CIF/RFC no parece correcto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="129" />
        <source>The customer's address is needed.</source>
        <translation>Falta la dirección del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="133" />
        <source>The count is not at the right step for that.</source>
        <translation>El recuento no está en el paso adecuado para eso.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="134" />
        <source>A stock count is already open on this till: finish or cancel it first.</source>
        <translation>Ya hay un recuento abierto en esta caja: termínelo o anúlelo antes.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="136" />
        <source>%1 variances still need a reason.</source>
        <translation>A %1 diferencias les falta el motivo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="138" />
        <source>Pick a reason from the list.</source>
        <translation>Elija un motivo de la lista.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="139" />
        <source>Choose what to count (a zone needs a name).</source>
        <translation>Elija qué contar (una zona necesita un nombre).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="140" />
        <source>%1 is not in the category being counted.</source>
        <translation>%1 no es de la categoría que se está contando.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="142" />
        <source>That file is not a count saved by a till.</source>
        <translation>Ese archivo no es un recuento guardado por una caja.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="143" />
        <source>You have nothing to undo.</source>
        <translation>No tiene nada que deshacer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="144" />
        <source>The stock count refused that.</source>
        <translation>El recuento no lo permite.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="14" />
        <source>Not enough in the wallet: %1 can be spent now.</source>
        <translation>No hay saldo suficiente en el monedero: ahora se pueden usar %1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="16" />
        <source>The online store cannot be reached: at most %1 can be paid from the wallet now.</source>
        <translation>Sin conexión con la tienda online: ahora se pueden pagar como máximo %1 con el monedero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="19" />
        <source>This customer has no online account yet, so no wallet. Try again once synced.</source>
        <translation>Este cliente aún no tiene cuenta online y por tanto no tiene monedero. Inténtelo cuando se haya sincronizado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="21" />
        <source>The customer must confirm: scan their card or QR, or check their ID.</source>
        <translation>El cliente debe confirmar: escanee su tarjeta o QR, o compruebe su documento.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="23" />
        <source>That card belongs to someone else.</source>
        <translation>Esa tarjeta es de otra persona.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="24" />
        <source>The wallet amount was held too long and went back. Remove it and add it again.</source>
        <translation>El importe del monedero estuvo retenido demasiado tiempo y se liberó. Quítelo y añádalo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="26" />
        <source>The wallet amount is no longer held. Remove it and add it again.</source>
        <translation>El importe del monedero ya no está retenido. Quítelo y añádalo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="28" />
        <source>The amount must be greater than zero.</source>
        <translation>El importe debe ser mayor que cero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="29" />
        <source>The wallet cannot be used for this payment.</source>
        <translation>El monedero no se puede usar para este pago.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="31" />
        <source>The customer's first name is needed.</source>
        <translation>Falta el nombre del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="32" />
        <source>A valid e-mail is needed: the wallet lives in the customer's online account.</source>
        <translation>Hace falta un correo válido: el monedero está en la cuenta online del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="34" />
        <source>That phone number looks too short.</source>
        <translation>Ese teléfono parece demasiado corto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="35" />
        <source>A customer with that e-mail already exists: here is their card.</source>
        <translation>Ya existe un cliente con ese correo: aquí está su ficha.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="37" />
        <location filename="../../pos/ui/messages.py" line="130" />
        <source>Check the customer's data.</source>
        <translation>Revise los datos del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="154" />
        <source>Not found.</source>
        <translation>No encontrado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="156" />
        <source>That cannot be done: %1</source>
        <translation>No se puede hacer: %1</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="72" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="72" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="72" />
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="72" />
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="73" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="83" />
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="83" />
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
</context>
<context>
    <name>Parking</name>
    <message>
        <location filename="../../pos/ui/sale_parking.py" line="29" />
        <source>The ticket is empty.</source>
        <translation>El ticket está vacío.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_parking.py" line="31" />
        <source>Ticket of %1</source>
        <translation>Ticket de %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_parking.py" line="37" />
        <source>Sale parked.</source>
        <translation>Venta aparcada.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_parking.py" line="47" />
        <source>No parked sales.</source>
        <translation>No hay ventas aparcadas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_parking.py" line="50" />
        <source>Resume sale</source>
        <translation>Recuperar venta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_parking.py" line="50" />
        <source>Parked sales:</source>
        <translation>Ventas aparcadas:</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="36" />
        <source>Payment</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="50" />
        <location filename="../../pos/ui/payment_dialog.py" line="225" />
        <source>Amount due</source>
        <translation>Importe a cobrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="58" />
        <source>Amount handed over (empty = exact)</source>
        <translation>Importe entregado (vacío = exacto)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="63" />
        <source>Exact</source>
        <translation>Exacto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="75" />
        <source>Cash (F1)</source>
        <translation>Efectivo (F1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="78" />
        <source>Card (F2)</source>
        <translation>Tarjeta (F2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="81" />
        <location filename="../../pos/ui/payment_dialog.py" line="217" />
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="84" />
        <source>Attach a customer with a wallet to pay with it</source>
        <translation>Asigne un cliente con monedero para pagar con él</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="97" />
        <source>Card terminal approval code</source>
        <translation>Código de autorización del datáfono</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="105" />
        <source>Remove payment</source>
        <translation>Quitar pago</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="109" />
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="116" />
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="118" />
        <source>Confirm payment (F12)</source>
        <translation>Confirmar cobro (F12)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="163" />
        <source>Type the approval code printed by the card terminal.</source>
        <translation>Teclee el código de autorización que imprime el datáfono.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="216" />
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="216" />
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="217" />
        <source>Voucher</source>
        <translation>Vale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="218" />
        <source>held</source>
        <translation>retenido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="225" />
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
</context>
<context>
    <name>PickupQueueModel</name>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="68" />
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="68" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="68" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="68" />
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="69" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="69" />
        <source>Ordered</source>
        <translation>Pedido el</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="73" />
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="73" />
        <source>Preparing</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="73" />
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="74" />
        <source>Partly collected</source>
        <translation>Recogido en parte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="74" />
        <source>Collected</source>
        <translation>Recogido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="75" />
        <source>Not collected</source>
        <translation>No recogido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="75" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="83" />
        <source>Paid here</source>
        <translation>Cobrado aquí</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="85" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="85" />
        <source>Pay here</source>
        <translation>Paga en tienda</translation>
    </message>
</context>
<context>
    <name>PickupsDialog</name>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="95" />
        <source>Pickups</source>
        <translation>Recogidas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="108" />
        <source>To collect</source>
        <translation>Por recoger</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="109" />
        <source>Not collected in time</source>
        <translation>No recogidos a tiempo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="110" />
        <location filename="../../pos/ui/pickups_dialog.py" line="199" />
        <source>Needs a manager</source>
        <translation>Para el encargado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="115" />
        <source>Order number, name, e-mail, phone, or scan the customer's code</source>
        <translation>Número de pedido, nombre, correo, teléfono, o escanee el código del cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="155" />
        <source>Start preparing</source>
        <translation>Empezar a preparar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="156" />
        <source>Ready: tell the customer</source>
        <translation>Listo: avisar al cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="157" />
        <location filename="../../pos/ui/pickups_dialog.py" line="343" />
        <location filename="../../pos/ui/pickups_dialog.py" line="350" />
        <source>Hand over</source>
        <translation>Entregar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="158" />
        <location filename="../../pos/ui/pickups_dialog.py" line="405" />
        <source>Cancel order</source>
        <translation>Cancelar pedido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="163" />
        <source>Print pick list</source>
        <translation>Imprimir hoja de preparación</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="164" />
        <source>Pick list PDF</source>
        <translation>Hoja de preparación en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="166" />
        <source>Reprint pickup receipt</source>
        <translation>Reimprimir justificante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="167" />
        <source>Pickup receipt PDF</source>
        <translation>Justificante en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="169" />
        <source>Sell extra items</source>
        <translation>Vender más artículos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="170" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="242" />
        <source>paid here</source>
        <translation>cobrado aquí</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="244" />
        <source>paid online</source>
        <translation>pagado online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="246" />
        <source>to pay here: %1</source>
        <translation>se cobra aquí: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="426" />
        <source>No receipt printer is configured: save the pick list as PDF.</source>
        <translation>No hay impresora de tickets: guarde la hoja de preparación en PDF.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="429" />
        <source>Pick list sent to the printer.</source>
        <translation>Hoja de preparación enviada a la impresora.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="451" />
        <source>No receipt printer is configured: save the pickup receipt as PDF.</source>
        <translation>No hay impresora de tickets: guarde el justificante de recogida en PDF.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="454" />
        <source>Pickup receipt sent to the printer.</source>
        <translation>Justificante de recogida enviado a la impresora.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="484" />
        <source>Save as PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="484" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="490" />
        <source>Could not save the PDF: %1</source>
        <translation>No se pudo guardar el PDF: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="492" />
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="255" />
        <source>picked %1, collected %2</source>
        <translation>preparado %1, recogido %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/pickups_dialog.py" line="190" />
        <source>%n orders flagged as not collected.</source>
        <translation><numerusform>%n pedido marcado como no recogido.</numerusform><numerusform>%n pedidos marcados como no recogidos.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/pickups_dialog.py" line="238" />
        <source>%n orders to collect.</source>
        <translation><numerusform>%n pedido por recoger.</numerusform><numerusform>%n pedidos por recoger.</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="277" />
        <source>No order matches %1.</source>
        <translation>Ningún pedido coincide con %1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="300" />
        <source>Preparing: scan each item as you pick it.</source>
        <translation>Preparando: escanee cada artículo al cogerlo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="311" />
        <source>Picked.</source>
        <translation>Preparado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="317" />
        <source>Ready. The customer gets an e-mail from the online store.</source>
        <translation>Listo. El cliente recibe un correo de la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="341" />
        <source>Tick the lines the customer takes now.</source>
        <translation>Marque las líneas que el cliente se lleva ahora.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="344" />
        <source>Code from the customer's e-mail (or leave empty to record an ID check):</source>
        <translation>Código del correo del cliente (o déjelo vacío para registrar una comprobación de DNI):</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="350" />
        <source>ID document checked (type and last digits):</source>
        <translation>Documento comprobado (tipo y últimas cifras):</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="369" />
        <source>Handed over. The online order is completed in the background.</source>
        <translation>Entregado. El pedido online se completa en segundo plano.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="371" />
        <source>Part handed over; the rest stays waiting.</source>
        <translation>Entregado en parte; el resto sigue pendiente de recoger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="373" />
        <source>No receipt printer: save the pickup receipt as PDF if the customer wants it.</source>
        <translation>Sin impresora: guarde el justificante en PDF si el cliente lo quiere.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="391" />
        <source>Payment for order %1</source>
        <translation>Cobro del pedido %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="393" />
        <source>Not handed over: the payment was not taken.</source>
        <translation>No se ha entregado: no se ha cobrado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="405" />
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="408" />
        <source>Order cancelled.</source>
        <translation>Pedido cancelado.</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../pos/ui/price_dialog.py" line="19" />
        <source>Change price</source>
        <translation>Cambiar precio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_dialog.py" line="26" />
        <source>Product:</source>
        <translation>Producto:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_dialog.py" line="27" />
        <source>Current price:</source>
        <translation>Precio actual:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_dialog.py" line="30" />
        <source>New price:</source>
        <translation>Precio nuevo:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_dialog.py" line="34" />
        <source>e.g. shelf label, damaged packaging</source>
        <translation>p. ej. etiqueta del estante, envase dañado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_dialog.py" line="35" />
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_dialog.py" line="52" />
        <source>The price cannot be negative.</source>
        <translation>El precio no puede ser negativo.</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="20" />
        <source>● Printer: none configured</source>
        <translation>● Impresora: no configurada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="22" />
        <source>paper running low</source>
        <translation>queda poco papel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="23" />
        <source>off or unplugged</source>
        <translation>apagada o desconectada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="24" />
        <location filename="../../pos/ui/printer_status.py" line="28" />
        <source>not answering</source>
        <translation>no responde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="25" />
        <source>cannot be reached</source>
        <translation>no se encuentra</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="26" />
        <source>disconnected</source>
        <translation>desconectada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="27" />
        <source>not connected</source>
        <translation>no conectada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="29" />
        <source>out of paper</source>
        <translation>sin papel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="30" />
        <source>cover open</source>
        <translation>tapa abierta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="31" />
        <source>printer error</source>
        <translation>error de impresora</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="32" />
        <source>offline</source>
        <translation>fuera de línea</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="33" />
        <source>USB support not installed</source>
        <translation>falta el soporte USB</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="34" />
        <source>no permission to use the port</source>
        <translation>sin permiso para usar el puerto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="35" />
        <source>communication error</source>
        <translation>error de comunicación</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="36" />
        <source>wrong settings</source>
        <translation>configuración incorrecta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="37" />
        <source>could not prepare the receipt</source>
        <translation>no se pudo preparar el ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="40" />
        <source>● Printer: ready</source>
        <translation>● Impresora: lista</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="43" />
        <source>● Printer: ready, paper running low</source>
        <translation>● Impresora: lista, queda poco papel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="46" />
        <source>● Printer: %1</source>
        <translation>● Impresora: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/printer_status.py" line="49" />
        <source>%1 waiting</source>
        <translation>%1 en espera</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="233" />
        <source>Receipt printer</source>
        <translation>Impresora de tickets</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="234" />
        <source>Pick a printer found on this PC or type its address; print a test page.</source>
        <translation>Elija una impresora encontrada en este equipo o escriba su dirección; imprima una página de prueba.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="239" />
        <source>No printer</source>
        <translation>Sin impresora</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="242" />
        <source>Search the network too</source>
        <translation>Buscar también en la red</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="245" />
        <source>Print a test page</source>
        <translation>Imprimir página de prueba</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="252" />
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="253" />
        <source>Paper (mm)</source>
        <translation>Papel (mm)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="273" />
        <source>Looking for printers…</source>
        <translation>Buscando impresoras…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/setup_wizard.py" line="282" />
        <source>%n printer(s) found.</source>
        <translation><numerusform>%n impresora encontrada.</numerusform><numerusform>%n impresoras encontradas.</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="293" />
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="302" />
        <source>Test page sent: check the accents, ñ, € and the cut.</source>
        <translation>Página de prueba enviada: revise tildes, ñ, € y el corte.</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="46" />
        <location filename="../../pos/ui/sale_receipt_panel.py" line="75" />
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="59" />
        <source>Reprint</source>
        <translation>Reimprimir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="60" />
        <source>Gift receipt</source>
        <translation>Ticket regalo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="61" />
        <source>Save as PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="62" />
        <location filename="../../pos/ui/sale_receipt_panel.py" line="86" />
        <location filename="../../pos/ui/sale_receipt_panel.py" line="96" />
        <source>Full invoice</source>
        <translation>Factura completa</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="77" />
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="86" />
        <source>Rectifying invoice</source>
        <translation>Factura rectificativa</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="97" />
        <source>Rectifying invoice %1</source>
        <translation>Factura rectificativa %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="105" />
        <source>Rectifying invoice %1 issued (it corrects invoice %2): save it as PDF for the customer.</source>
        <translation>Factura rectificativa %1 emitida (corrige la factura %2): guárdela en PDF para el cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="128" />
        <source>No receipt to print yet.</source>
        <translation>Todavía no hay ningún ticket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="131" />
        <source>No receipt printer is configured.</source>
        <translation>No hay impresora de tickets configurada.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="133" />
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="140" />
        <source>Save receipt as PDF</source>
        <translation>Guardar ticket en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="114" />
        <location filename="../../pos/ui/sale_receipt_panel.py" line="148" />
        <source>Could not save the PDF: %1</source>
        <translation>No se pudo guardar el PDF: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="150" />
        <source>PDF saved.</source>
        <translation>PDF guardado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_receipt_panel.py" line="166" />
        <source>Invoice %1 issued.</source>
        <translation>Factura %1 emitida.</translation>
    </message>
</context>
<context>
    <name>ResolutionModel</name>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="32" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="32" />
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="32" />
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="32" />
        <source>Here</source>
        <translation>Aquí</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="33" />
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="38" />
        <source>Cancelled online after it was handed over</source>
        <translation>Cancelado online después de entregarlo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="39" />
        <source>Handed over here, but the store had cancelled it</source>
        <translation>Entregado aquí, pero la tienda online lo había cancelado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="40" />
        <source>Completed online while it was still open here</source>
        <translation>Completado online cuando aquí seguía abierto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="41" />
        <source>Cancelled here, but the store had completed it</source>
        <translation>Cancelado aquí, pero la tienda online lo había completado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="42" />
        <source>Hand-over refused: cancelled online</source>
        <translation>Entrega rechazada: cancelado online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="47" />
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="47" />
        <source>Preparing</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="47" />
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="48" />
        <source>Partly collected</source>
        <translation>Recogido en parte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="48" />
        <source>Collected</source>
        <translation>Recogido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="49" />
        <source>Not collected</source>
        <translation>No recogido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="49" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>ResolutionsView</name>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="63" />
        <source>What the online store and this till disagree on. Settle it (refund, call the customer, correct stock) and mark it resolved with what you did.</source>
        <translation>Lo que la tienda online y esta caja no ven igual. Resuélvalo (reembolso, llamar al cliente, corregir stock) y márquelo como resuelto anotando qué se hizo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="78" />
        <source>Show resolved</source>
        <translation>Ver resueltos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="81" />
        <source>Mark resolved…</source>
        <translation>Marcar resuelto…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="102" />
        <source>Mark resolved</source>
        <translation>Marcar resuelto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="103" />
        <source>What was done (refund, stock corrected, customer called…):</source>
        <translation>Qué se ha hecho (reembolso, stock corregido, cliente avisado…):</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickup_resolutions_view.py" line="113" />
        <source>Resolved: order %1.</source>
        <translation>Resuelto: pedido %1.</translation>
    </message>
</context>
<context>
    <name>ReturnLinesModel</name>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="69" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="69" />
        <source>Sold</source>
        <translation>Vend.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="69" />
        <source>Returned</source>
        <translation>Ya dev.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="69" />
        <source>Left</source>
        <translation>Quedan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="70" />
        <source>Take back</source>
        <translation>Devuelve</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="70" />
        <source>Restock</source>
        <translation>Al stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="75" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="75" />
        <source>No (damaged)</source>
        <translation>No (dañado)</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="13" />
        <source>Choose what the customer brings back.</source>
        <translation>Elija lo que devuelve el cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="14" />
        <source>%1: only %2 can still be returned (the rest was already refunded).</source>
        <translation>%1: solo se pueden devolver %2 (el resto ya se reembolsó).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="17" />
        <source>That line is not on this receipt.</source>
        <translation>Esa línea no está en este ticket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="18" />
        <source>%1 is not in this till's catalogue: it cannot be taken back here.</source>
        <translation>%1 no está en el catálogo de esta caja: no se puede devolver aquí.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="21" />
        <source>The money cannot go back that way for this purchase.</source>
        <translation>El dinero no puede devolverse así para esta compra.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="22" />
        <source>Type the approval code the card terminal printed for the refund.</source>
        <translation>Escriba el código de autorización que imprimió el datáfono para la devolución.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="24" />
        <source>Store credit needs a customer: type their e-mail.</source>
        <translation>El saldo en monedero necesita un cliente: escriba su correo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="25" />
        <source>Receipt or order not found.</source>
        <translation>No se encuentra el ticket ni el pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="26" />
        <source>That is not a valid quantity.</source>
        <translation>No es una cantidad válida.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="27" />
        <source>Online orders are returned in whole units.</source>
        <translation>Los pedidos online se devuelven en unidades enteras.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="28" />
        <source>Scan the new items on the sale screen first.</source>
        <translation>Escanee primero los artículos nuevos en la pantalla de venta.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="29" />
        <source>The manager did not approve the exchange.</source>
        <translation>El encargado no aprobó el cambio.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="30" />
        <source>Choose a reason for the return.</source>
        <translation>Elija un motivo para la devolución.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_messages.py" line="31" />
        <source>This return cannot be done.</source>
        <translation>Esta devolución no se puede hacer.</translation>
    </message>
</context>
<context>
    <name>ReturnsDialog</name>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="90" />
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="108" />
        <source>Scan the receipt, or type a receipt number, online order number or the customer's e-mail</source>
        <translation>Escanee el ticket, o escriba el número de ticket, el número de pedido online o el correo del cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="112" />
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="113" />
        <source>Without receipt</source>
        <translation>Sin ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="126" />
        <source>Scan or type what the customer brings back.</source>
        <translation>Escanee o escriba lo que trae el cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="153" />
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="154" />
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="155" />
        <source>All of it</source>
        <translation>Todo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="156" />
        <source>Restock: yes/no</source>
        <translation>Al stock: sí/no</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="159" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="166" />
        <source>Money back</source>
        <translation>Devolver el dinero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="173" />
        <source>Card terminal refund approval code</source>
        <translation>Código de autorización de la devolución en el datáfono</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="178" />
        <source>Customer e-mail (for store credit)</source>
        <translation>Correo del cliente (para el monedero)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="181" />
        <source>To refund</source>
        <translation>A devolver</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="195" />
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="196" />
        <source>Exchange for the open ticket</source>
        <translation>Cambiar por el ticket abierto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="199" />
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="206" />
        <source>Changed their mind</source>
        <translation>Ya no lo quiere</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="206" />
        <source>Wrong size</source>
        <translation>Talla equivocada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="207" />
        <source>Defective</source>
        <translation>Defectuoso</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="207" />
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="208" />
        <source>Not as described</source>
        <translation>No es como se describía</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="208" />
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="211" />
        <source>Cash from the till</source>
        <translation>Efectivo de la caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="211" />
        <source>Card (refund on the card terminal)</source>
        <translation>Tarjeta (devolución en el datáfono)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="212" />
        <source>Store credit (wallet)</source>
        <translation>Saldo en monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="213" />
        <source>Back to the online payment (card/gateway)</source>
        <translation>Al pago online (tarjeta/pasarela)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="238" />
        <location filename="../../pos/ui/returns_dialog.py" line="318" />
        <source>Checking the online store…</source>
        <translation>Consultando la tienda online…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="241" />
        <location filename="../../pos/ui/returns_dialog.py" line="329" />
        <source>Online store not reachable: showing what this till knows.</source>
        <translation>Tienda online no disponible: se muestra lo que sabe esta caja.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="251" />
        <location filename="../../pos/ui/returns_dialog.py" line="321" />
        <source>Checked with the online store.</source>
        <translation>Comprobado con la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="267" />
        <source>Nothing found for %1.</source>
        <translation>No se encuentra nada para %1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="290" />
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="290" />
        <source>Online order %1</source>
        <translation>Pedido online %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="291" />
        <source>cash</source>
        <translation>efectivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="291" />
        <source>card</source>
        <translation>tarjeta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="291" />
        <source>wallet</source>
        <translation>monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="292" />
        <source>voucher</source>
        <translation>vale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="292" />
        <source>exchange</source>
        <translation>cambio de artículo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="339" />
        <source>Without receipt: scan each item the customer brings back.</source>
        <translation>Sin ticket: escanee cada artículo que devuelve el cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="374" />
        <source>Select a line first.</source>
        <translation>Seleccione primero una línea.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="383" />
        <source>Nothing more of this line can be returned.</source>
        <translation>No se puede devolver más de esta línea.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="452" />
        <source>a large refund</source>
        <translation>un reembolso alto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="452" />
        <source>no receipt</source>
        <translation>sin ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="453" />
        <source>cash for a card payment</source>
        <translation>efectivo por un pago con tarjeta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="453" />
        <source>past the return period</source>
        <translation>fuera del plazo de devolución</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="454" />
        <source>A manager must approve: %1</source>
        <translation>Debe aprobarlo un encargado: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/returns_dialog.py" line="472" />
        <source>Scan the new items on the sale screen first.</source>
        <translation>Escanee primero los artículos nuevos en la pantalla de venta.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../pos/ui/count_models.py" line="48" />
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="48" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="48" />
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="48" />
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="49" />
        <source>Variance</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="49" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="49" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="56" />
        <source>matches</source>
        <translation>coincide</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="57" />
        <source>— reason needed —</source>
        <translation>— falta el motivo —</translation>
    </message>
</context>
<context>
    <name>SalePayment</name>
    <message>
        <location filename="../../pos/ui/sale_payment.py" line="59" />
        <source>No receipt printer is configured to open the drawer.</source>
        <translation>No hay impresora configurada para abrir el cajón.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_payment.py" line="62" />
        <source>Drawer opened (approved by %1).</source>
        <translation>Cajón abierto (autorizado por %1).</translation>
    </message>
</context>
<context>
    <name>SaleSidePanel</name>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="44" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="59" />
        <location filename="../../pos/ui/sale_side_panel.py" line="116" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="60" />
        <source>Pickups</source>
        <translation>Recogidas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="61" />
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="64" />
        <location filename="../../pos/ui/sale_side_panel.py" line="128" />
        <source>Available once the online store is connected</source>
        <translation>Disponible cuando la tienda online esté conectada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="65" />
        <source>Park (F9)</source>
        <translation>Aparcar (F9)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="66" />
        <source>Resume (F10)</source>
        <translation>Recuperar (F10)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="67" />
        <source>Open drawer</source>
        <translation>Abrir cajón</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="68" />
        <source>Last receipt</source>
        <translation>Último ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="69" />
        <source>Price (F6)</source>
        <translation>Precio (F6)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="70" />
        <source>Void sale (F7)</source>
        <translation>Anular venta (F7)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="83" />
        <source>Quantity (F4)</source>
        <translation>Cantidad (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="84" />
        <source>Discount (F5)</source>
        <translation>Descuento (F5)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="85" />
        <source>Void line (F8)</source>
        <translation>Anular línea (F8)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="89" />
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="109" />
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_side_panel.py" line="112" />
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
</context>
<context>
    <name>SaleView</name>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="69" />
        <source>Scan or search product…</source>
        <translation>Escanear o buscar producto…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="70" />
        <source>Scan or search product</source>
        <translation>Escanear o buscar producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="95" />
        <source>PAY (F12)</source>
        <translation>COBRAR (F12)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="253" />
        <source>No receipt to print yet.</source>
        <translation>Todavía no hay ningún ticket.</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="320" />
        <location filename="../../pos/ui/setup_wizard.py" line="334" />
        <source>Scanner</source>
        <translation>Escáner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="321" />
        <source>Most USB scanners type like a keyboard. Scan any barcode to test it.</source>
        <translation>La mayoría de los lectores USB escriben como un teclado. Escanee cualquier código para probarlo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="325" />
        <source>USB scanner that types (keyboard)</source>
        <translation>Lector USB que escribe (teclado)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="327" />
        <source>Serial scanner on %1</source>
        <translation>Lector serie en %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="330" />
        <source>Scan a barcode here</source>
        <translation>Escanee aquí un código</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="335" />
        <source>Test scan</source>
        <translation>Prueba de lectura</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="337" />
        <source>A serial scanner is tested under Devices… once the till runs.</source>
        <translation>Un lector serie se prueba en Dispositivos… cuando la caja esté en marcha.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="349" />
        <source>Read %1: a valid barcode.</source>
        <translation>Leído %1: un código válido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="350" />
        <source>Read %1, but its check digit is wrong: check the scanner's settings.</source>
        <translation>Leído %1, pero su dígito de control no es correcto: revise la configuración del lector.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="352" />
        <source>Read %1 (a shop code, not an EAN).</source>
        <translation>Leído %1 (un código de la tienda, no un EAN).</translation>
    </message>
</context>
<context>
    <name>SetupMessages</name>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="12" />
        <source>The shop's name is needed (it is on every receipt).</source>
        <translation>Falta el nombre de la tienda (sale en cada ticket).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="14" />
        <source>The shop code is 1 to 6 letters or digits, e.g. S01.</source>
        <translation>El código de tienda tiene de 1 a 6 letras o cifras, p. ej. S01.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="16" />
        <source>The till number is 1 to 6 letters or digits, e.g. T01.</source>
        <translation>El número de caja tiene de 1 a 6 letras o cifras, p. ej. T01.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="18" />
        <source>The administrator's name is needed.</source>
        <translation>Falta el nombre del administrador.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="20" />
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>El PIN debe tener de 4 a 8 cifras.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="22" />
        <source>The two PINs are not the same.</source>
        <translation>Los dos PIN no son iguales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="24" />
        <source>That printer address cannot be used: %1</source>
        <translation>Esa dirección de impresora no sirve: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="26" />
        <source>Choose the keyboard scanner or a serial port.</source>
        <translation>Elija el lector de teclado o un puerto serie.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="28" />
        <source>This till was already set up: an admin changes the settings from the till.</source>
        <translation>Esta caja ya está configurada: un administrador cambia los ajustes desde la caja.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_messages.py" line="31" />
        <source>Check this step's answers.</source>
        <translation>Revise los datos de este paso.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="419" />
        <source>Mostrador — first start</source>
        <translation>Mostrador — primera puesta en marcha</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="82" />
        <source>Shift and cash</source>
        <translation>Turno y caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="108" />
        <location filename="../../pos/ui/shift_dialog.py" line="197" />
        <source>Cash in</source>
        <translation>Entrada de caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="109" />
        <location filename="../../pos/ui/shift_dialog.py" line="197" />
        <source>Cash out</source>
        <translation>Salida de caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="110" />
        <source>X report (mid-shift)</source>
        <translation>Informe X (parcial)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="111" />
        <source>Close shift (Z)…</source>
        <translation>Cierre de caja (Z)…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="112" />
        <source>Last Z report</source>
        <translation>Último cierre Z</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="117" />
        <source>Back to the sale</source>
        <translation>Volver a la venta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="123" />
        <source>Close shift: blind count</source>
        <translation>Cierre de caja: recuento a ciegas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="126" />
        <source>Count the cash in the drawer by note and coin. What the till expects is shown only after the count is confirmed.</source>
        <translation>Cuente el efectivo del cajón por billetes y monedas. Lo que la caja espera se muestra solo después de confirmar el recuento.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="133" />
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="136" />
        <source>Confirm count and close (Z)</source>
        <translation>Confirmar recuento y cerrar (Z)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="159" />
        <source>Expected cash</source>
        <translation>Efectivo esperado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="160" />
        <source>Counted cash</source>
        <translation>Efectivo contado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="161" />
        <source>Cash variance</source>
        <translation>Descuadre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="172" />
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="173" />
        <source>Save as PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="175" />
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="184" />
        <source>No shift is open on this till.</source>
        <translation>No hay ningún turno abierto en esta caja.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="188" />
        <source>Shift %1 · opened %2 by %3 · float %4</source>
        <translation>Turno %1 · abierto %2 por %3 · fondo %4</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="211" />
        <source>%1: %2 recorded.</source>
        <translation>%1: %2 registrada.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="250" />
        <source>Shift %1 closed · Z %2</source>
        <translation>Turno %1 cerrado · Z %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="253" />
        <source>X report · shift %1</source>
        <translation>Informe X · turno %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="261" />
        <source>Balanced</source>
        <translation>Cuadra</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="263" />
        <source>over</source>
        <translation>sobra</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="265" />
        <source>short</source>
        <translation>falta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="276" />
        <source>No receipt printer is configured: save the report as PDF.</source>
        <translation>No hay impresora de tickets configurada: guarde el informe en PDF.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="279" />
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="286" />
        <source>Save report as PDF</source>
        <translation>Guardar informe en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="298" />
        <source>Could not save the PDF: %1</source>
        <translation>No se pudo guardar el PDF: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialog.py" line="300" />
        <source>PDF saved.</source>
        <translation>PDF guardado.</translation>
    </message>
</context>
<context>
    <name>ShiftOpenView</name>
    <message>
        <location filename="../../pos/ui/shift_open_view.py" line="34" />
        <source>Open the till</source>
        <translation>Abrir la caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_open_view.py" line="37" />
        <source>No shift is open on this till. Count the float in the drawer and open the shift.</source>
        <translation>No hay ningún turno abierto en esta caja. Cuente el fondo del cajón y abra el turno.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_open_view.py" line="49" />
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_open_view.py" line="51" />
        <source>Open shift</source>
        <translation>Abrir turno</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="56" />
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="63" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="63" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="63" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="63" />
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="64" />
        <source>inactive</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="76" />
        <source>Selected person</source>
        <translation>Persona seleccionada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="80" />
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="82" />
        <source>new PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="85" />
        <source>Reset PIN</source>
        <translation>Cambiar PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="86" />
        <source>Activate / deactivate</source>
        <translation>Activar / desactivar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="89" />
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="95" />
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="96" />
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="97" />
        <source>PIN (4–8 digits):</source>
        <translation>PIN (4–8 cifras):</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="100" />
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="103" />
        <source>People log in with their PIN alone, so every PIN must be different.</source>
        <translation>Cada persona entra solo con su PIN, así que todos los PIN deben ser distintos.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="108" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="131" />
        <source>Select a person first.</source>
        <translation>Seleccione primero una persona.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="146" />
        <source>Added.</source>
        <translation>Añadido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="154" />
        <source>Role changed.</source>
        <translation>Rol cambiado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="160" />
        <source>PIN changed.</source>
        <translation>PIN cambiado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_dialog.py" line="167" />
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>StaffMessages</name>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="12" />
        <source>Void a line</source>
        <translation>Anular una línea</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="13" />
        <source>Void the whole sale</source>
        <translation>Anular la venta entera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="14" />
        <location filename="../../pos/ui/staff_messages.py" line="15" />
        <source>Discount above the limit</source>
        <translation>Descuento por encima del límite</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="16" />
        <source>Price change</source>
        <translation>Cambio de precio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="17" />
        <source>Refund above the limit</source>
        <translation>Reembolso por encima del límite</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="18" />
        <source>Open the drawer without a sale</source>
        <translation>Abrir el cajón sin venta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="19" />
        <source>Cancel a pickup order</source>
        <translation>Cancelar un pedido de recogida</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="20" />
        <source>Take cash out of the drawer</source>
        <translation>Sacar efectivo del cajón</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="21" />
        <source>X report (shows the expected cash)</source>
        <translation>Informe X (muestra el efectivo esperado)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="22" />
        <source>See the audit log</source>
        <translation>Ver el registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="23" />
        <source>Manage staff</source>
        <translation>Gestionar el personal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="30" />
        <source>Cashier</source>
        <translation>Cajero/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="31" />
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="32" />
        <source>Manager</source>
        <translation>Encargado/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="33" />
        <source>Admin</source>
        <translation>Administrador/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="43" />
        <source>A supervisor or a manager must approve this.</source>
        <translation>Esto necesita la autorización de un supervisor o un encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="44" />
        <source>An administrator must approve this.</source>
        <translation>Esto necesita la autorización de un administrador.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="45" />
        <source>A manager must approve this.</source>
        <translation>Esto necesita la autorización de un encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="49" />
        <source>This till has no open shift. Open one (count the float) to sell.</source>
        <translation>Esta caja no tiene turno abierto. Abra uno (cuente el fondo) para vender.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="51" />
        <source>A shift is already open on this till.</source>
        <translation>Ya hay un turno abierto en esta caja.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="52" />
        <source>Say why the cash goes in or out.</source>
        <translation>Indique por qué entra o sale el efectivo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="53" />
        <source>The amount must be greater than zero.</source>
        <translation>El importe debe ser mayor que cero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="54" />
        <source>The drawer should not hold that much cash. Check the amount.</source>
        <translation>El cajón no debería tener tanto efectivo. Revise el importe.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="56" />
        <source>That shift has no Z report.</source>
        <translation>Ese turno no tiene cierre Z.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="57" />
        <source>The shift refused that.</source>
        <translation>El turno no lo permite.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="60" />
        <source>There are no denominations for this currency.</source>
        <translation>No hay billetes ni monedas definidos para esta moneda.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="61" />
        <source>Check the count: one of the numbers is not right.</source>
        <translation>Revise el recuento: uno de los números no es correcto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="64" />
        <source>The name is needed.</source>
        <translation>Falta el nombre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="65" />
        <source>There is already someone with that name.</source>
        <translation>Ya hay alguien con ese nombre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="66" />
        <source>Unknown role.</source>
        <translation>Rol desconocido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="67" />
        <source>Someone else already uses that PIN. Choose another one.</source>
        <translation>Otra persona ya usa ese PIN. Elija otro.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="69" />
        <source>The last administrator cannot be removed or demoted.</source>
        <translation>El último administrador no se puede quitar ni bajar de rol.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="71" />
        <source>That change to the staff was refused.</source>
        <translation>Ese cambio en el personal no se ha permitido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="73" />
        <source>A PIN has 4 to 8 digits.</source>
        <translation>Un PIN tiene de 4 a 8 cifras.</translation>
    </message>
</context>
<context>
    <name>StaffTools</name>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="60" />
        <source>Shift and cash…</source>
        <translation>Turno y caja…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="61" />
        <source>Audit log…</source>
        <translation>Auditoría…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="62" />
        <source>Staff…</source>
        <translation>Personal…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="63" />
        <source>Support…</source>
        <translation>Soporte…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="65" />
        <source>Manage…</source>
        <translation>Gestión…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="112" />
        <source>Open at lock: %1</source>
        <translation>Abierta al bloquear: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="152" />
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="156" />
        <source>Locked after a while without use. Type your PIN: the sale is kept.</source>
        <translation>Bloqueada tras un rato sin uso. Escriba su PIN: la venta se conserva.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="178" />
        <source>Till closed</source>
        <translation>Caja cerrada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="180" />
        <source>Shift %1</source>
        <translation>Turno %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_tools.py" line="214" />
        <source>%1: only for %2 and above.</source>
        <translation>%1: solo para %2 o superior.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="70" />
        <source>Welcome to Mostrador</source>
        <translation>Bienvenido a Mostrador</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="71" />
        <source>This till has no settings yet. A few steps and it is ready to sell.</source>
        <translation>Esta caja aún no está configurada. Unos pocos pasos y estará lista para vender.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="83" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="84" />
        <source>Country and money</source>
        <translation>País y moneda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="85" />
        <source>Set up this till for my shop</source>
        <translation>Configurar esta caja para mi tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="87" />
        <source>Try the demo: a sample shop, nothing to set up</source>
        <translation>Probar la demostración: una tienda de ejemplo, sin configurar nada</translation>
    </message>
</context>
<context>
    <name>StockCount</name>
    <message>
        <location filename="../../pos/ui/count_models.py" line="20" />
        <source>Miscounted before</source>
        <translation>Error de recuento</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="21" />
        <source>Shrinkage / theft</source>
        <translation>Merma / robo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="22" />
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="23" />
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="24" />
        <source>Receiving error</source>
        <translation>Error de recepción</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="25" />
        <source>Unexplained</source>
        <translation>Sin explicar</translation>
    </message>
</context>
<context>
    <name>StoreCheck</name>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="29" />
        <source>Connected to %1.</source>
        <translation>Conectado a %1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="30" />
        <source>That address is not valid. It must start with https:// (or http:// on a local network) and be the shop's home page, e.g. https://mitienda.es</source>
        <translation>Esa dirección no es válida. Debe empezar por https:// (o http:// en una red local) y ser la página principal de la tienda, p. ej. https://mitienda.es</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="35" />
        <source>The store cannot be reached. Check the address and this computer's internet connection.</source>
        <translation>No se puede contactar con la tienda. Revise la dirección y la conexión a internet de este equipo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="38" />
        <source>The store's security certificate is not valid (TLS error). Ask whoever runs the web shop to fix the certificate; do not switch to http://.</source>
        <translation>El certificado de seguridad de la tienda no es válido (error TLS). Pida a quien gestiona la web que lo arregle; no cambie a http://.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="43" />
        <source>The address answers, but not as a WordPress shop: check the address, and that WordPress permalinks are not set to 'Plain' (Settings → Permalinks).</source>
        <translation>La dirección responde, pero no como una tienda WordPress: revise la dirección y que los enlaces permanentes de WordPress no estén en 'Simple' (Ajustes → Enlaces permanentes).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="48" />
        <source>That WordPress site has no WooCommerce REST API. Is WooCommerce installed and active?</source>
        <translation>Ese WordPress no tiene la API REST de WooCommerce. ¿Está WooCommerce instalado y activo?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="51" />
        <source>The store refused the API key. Check the consumer key and secret (WooCommerce → Settings → Advanced → REST API, read/write).</source>
        <translation>La tienda ha rechazado la clave de la API. Revise la clave y el secreto de cliente (WooCommerce → Ajustes → Avanzado → API REST, lectura/escritura).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="57" />
        <source>The test failed: %1</source>
        <translation>La prueba ha fallado: %1</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="166" />
        <source>Online store</source>
        <translation>Tienda online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="167" />
        <source>Connect the till to the shop's WooCommerce, or leave it for later (Online store…).</source>
        <translation>Conecte la caja con el WooCommerce de la tienda, o déjelo para más tarde (Tienda online…).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="171" />
        <source>No online store for now</source>
        <translation>Sin tienda online por ahora</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="183" />
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="184" />
        <source>Store address</source>
        <translation>Dirección de la tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="185" />
        <source>Consumer key</source>
        <translation>Clave de cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="186" />
        <source>Consumer secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="187" />
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="194" />
        <source>The key is kept in the system's keyring, never in the settings file.</source>
        <translation>La clave se guarda en el llavero del sistema, nunca en el archivo de ajustes.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="210" />
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="225" />
        <source>Test the connection first (or choose no online store for now).</source>
        <translation>Pruebe antes la conexión (o elija sin tienda online por ahora).</translation>
    </message>
</context>
<context>
    <name>StoreSettingsDialog</name>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="67" />
        <source>Online store</source>
        <translation>Tienda online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="77" />
        <source>Sandbox store (tests)</source>
        <translation>Tienda de pruebas (sandbox)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="92" />
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="93" />
        <source>Store address</source>
        <translation>Dirección de la tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="94" />
        <source>Consumer key</source>
        <translation>Clave de cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="95" />
        <source>Consumer secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="96" />
        <source>Pickup location</source>
        <translation>Punto de recogida</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="104" />
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="107" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="110" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/store_settings_dialog.py" line="141" />
        <source>Saved: it takes effect when the till restarts.</source>
        <translation>Guardado: se aplicará al reiniciar la caja.</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <location filename="../../pos/ui/count_models.py" line="76" />
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="76" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="76" />
        <source>On hand</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="76" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="76" />
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="81" />
        <source>differs online</source>
        <translation>distinto online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="81" />
        <source>high value</source>
        <translation>valor alto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/count_models.py" line="82" />
        <source>not counted lately</source>
        <translation>sin contar hace tiempo</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="360" />
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="373" />
        <source>The till starts with a sample shop, sample products, cashier PIN 1234 and manager PIN 9999. Nothing is sent to a real store.</source>
        <translation>La caja arranca con una tienda y productos de ejemplo, cajera PIN 1234 y encargada PIN 9999. No se envía nada a una tienda real.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="376" />
        <source>none for now</source>
        <translation>ninguna por ahora</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="377" />
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="378" />
        <source>Shop: %1 (%2), till %3</source>
        <translation>Tienda: %1 (%2), caja %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="380" />
        <source>Administrator: %1</source>
        <translation>Administrador: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="381" />
        <source>Online store: %1</source>
        <translation>Tienda online: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="382" />
        <source>Printer: %1</source>
        <translation>Impresora: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="383" />
        <source>Scanner: %1</source>
        <translation>Lector: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="385" />
        <source>An admin changes all of this later under Online store… and Devices….</source>
        <translation>Un administrador puede cambiar todo esto después en Tienda online… y Dispositivos….</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="394" />
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="44" />
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="50" />
        <source>Log (%1)</source>
        <translation>Registro (%1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="51" />
        <source>Only warnings and errors</source>
        <translation>Solo avisos y errores</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="55" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="78" />
        <source>Back up now</source>
        <translation>Copia de seguridad ahora</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="81" />
        <source>Export support bundle…</source>
        <translation>Exportar paquete de soporte…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="84" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="89" />
        <source>Shop and till…</source>
        <translation>Tienda y caja…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="101" />
        <source>The log is empty.</source>
        <translation>El registro está vacío.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="108" />
        <source>No backup yet (%1).</source>
        <translation>Todavía no hay copia de seguridad (%1).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="111" />
        <source>Last backup: %1 · %2 kept in %3</source>
        <translation>Última copia: %1 · %2 guardadas en %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="116" />
        <source>Backing up… sales can go on meanwhile.</source>
        <translation>Haciendo la copia… se puede seguir vendiendo mientras tanto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="120" />
        <source>Backup written: %1</source>
        <translation>Copia de seguridad guardada: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="121" />
        <source>The backup failed: %1</source>
        <translation>La copia de seguridad falló: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="127" />
        <source>Export support bundle</source>
        <translation>Exportar paquete de soporte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="135" />
        <source>Checking the till and writing the bundle…</source>
        <translation>Comprobando la caja y escribiendo el paquete…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/support_dialog.py" line="142" />
        <source>Support bundle written: %1. It holds no passwords or keys.</source>
        <translation>Paquete de soporte guardado: %1. No contiene contraseñas ni claves.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="115" />
        <source>Online store synchronisation</source>
        <translation>Sincronización con la tienda online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="125" />
        <source>Last problem: %1</source>
        <translation>Último problema: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="148" />
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="149" />
        <source>Stock differences</source>
        <translation>Diferencias de stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="155" />
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="156" />
        <location filename="../../pos/ui/sync_panel.py" line="189" />
        <source>Mark as resolved</source>
        <translation>Marcar como resuelto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="157" />
        <source>Reload catalogue</source>
        <translation>Recargar catálogo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="158" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="162" />
        <source>Store settings…</source>
        <translation>Configurar tienda…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="180" />
        <location filename="../../pos/ui/sync_panel.py" line="187" />
        <source>Select a refused document first.</source>
        <translation>Seleccione primero un documento rechazado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="189" />
        <source>What was done in the store?</source>
        <translation>¿Qué se hizo en la tienda online?</translation>
    </message>
</context>
<context>
    <name>SyncReason</name>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="33" />
        <source>Line %1: %2 is not linked to an online product. Reload the catalogue, or link it in the store, then retry.</source>
        <translation>Línea %1: %2 no está enlazado con ningún producto online. Recargue el catálogo o enlácelo en la tienda, y reintente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="36" />
        <source>Line %1 (%2): the quantity and amounts must be positive.</source>
        <translation>Línea %1 (%2): la cantidad y los importes deben ser positivos.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="38" />
        <source>Line %1: the online store has no tax rate for tax code %2.</source>
        <translation>Línea %1: la tienda online no tiene tipo de impuesto para el código %2.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="41" />
        <source>The document is incomplete and cannot be sent.</source>
        <translation>El documento está incompleto y no se puede enviar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="43" />
        <source>The sale is in %1 but the online store works in %2.</source>
        <translation>La venta está en %1, pero la tienda online trabaja en %2.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="46" />
        <source>%1 is not linked to an online product.</source>
        <translation>%1 no está enlazado con ningún producto online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="48" />
        <source>The online store only counts stock in whole units (not %1).</source>
        <translation>La tienda online solo cuenta el stock en unidades enteras (no %1).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="51" />
        <source>This online store cannot take stock adjustments.</source>
        <translation>Esta tienda online no admite ajustes de stock.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="53" />
        <source>This till cannot send documents of this kind (%1).</source>
        <translation>Esta caja no sabe enviar documentos de este tipo (%1).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="55" />
        <source>The document has values the online store cannot read.</source>
        <translation>El documento tiene valores que la tienda online no puede leer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="58" />
        <source>Order %1 no longer exists in the online store.</source>
        <translation>El pedido %1 ya no existe en la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="60" />
        <source>The original sale %1 never reached the online store: refund it online by hand.</source>
        <translation>La venta original %1 nunca llegó a la tienda online: haga el reembolso online a mano.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="63" />
        <source>%1 is not on online order %2.</source>
        <translation>%1 no está en el pedido online %2.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="65" />
        <source>Online order %1: that line was already refunded online, so this return was not sent again.</source>
        <translation>Pedido online %1: esa línea ya se reembolsó online, así que esta devolución no se ha enviado otra vez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="68" />
        <source>Order %1 was cancelled online.</source>
        <translation>El pedido %1 se canceló online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="70" />
        <source>Order %1 was already completed online.</source>
        <translation>El pedido %1 ya estaba completado online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="73" />
        <source>The wallet movement is missing from this till's records.</source>
        <translation>Falta el movimiento del monedero en los registros de esta caja.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="75" />
        <source>No wallet credentials are set up for the online store.</source>
        <translation>No hay credenciales del monedero configuradas para la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="77" />
        <source>The customer has no online account yet: waiting for it to be created.</source>
        <translation>El cliente aún no tiene cuenta online: se espera a que se cree.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="79" />
        <source>The amount held never reached the online store: nothing to give back.</source>
        <translation>El importe retenido nunca llegó a la tienda online: no hay nada que devolver.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="82" />
        <source>The store address does not answer as a WordPress site: check the address, and that permalinks are not set to 'Plain'.</source>
        <translation>La dirección de la tienda no responde como un sitio WordPress: revise la dirección y que los enlaces permanentes no estén en «Simple».</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="85" />
        <source>The store does not offer this service: is WooCommerce active and up to date?</source>
        <translation>La tienda no ofrece este servicio: ¿está WooCommerce activo y actualizado?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="87" />
        <source>The site has no WooCommerce: is the plugin installed and active?</source>
        <translation>El sitio no tiene WooCommerce: ¿está el plugin instalado y activo?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="89" />
        <source>The store address redirects to %1: set that address in the store settings.</source>
        <translation>La dirección de la tienda redirige a %1: ponga esa dirección en la configuración de la tienda.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="92" />
        <source>The online store did not answer in time.</source>
        <translation>La tienda online no respondió a tiempo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="94" />
        <source>The online store cannot be reached.</source>
        <translation>No se puede conectar con la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="96" />
        <source>The connection to the online store dropped before its answer.</source>
        <translation>La conexión con la tienda online se cortó antes de su respuesta.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="98" />
        <source>The online store's security certificate was not accepted.</source>
        <translation>No se aceptó el certificado de seguridad de la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="100" />
        <source>The online store gave an answer the till cannot read.</source>
        <translation>La tienda online dio una respuesta que la caja no entiende.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="106" />
        <source>The online store refused the credentials.</source>
        <translation>La tienda online rechazó las credenciales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="108" />
        <source>The online store asked the till to wait (too many requests).</source>
        <translation>La tienda online pidió a la caja que espere (demasiadas peticiones).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="110" />
        <source>The online store had an internal error (HTTP %1).</source>
        <translation>La tienda online tuvo un error interno (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="112" />
        <source>The online store refused it (HTTP %1).</source>
        <translation>La tienda online lo rechazó (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_reasons.py" line="125" />
        <source>The online store refused the refund.</source>
        <translation>La tienda online rechazó el reembolso.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="47" />
        <source>● Online store: not connected</source>
        <translation>● Tienda online: sin conexión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="49" />
        <source>● Online store: credentials refused</source>
        <translation>● Tienda online: credenciales rechazadas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="53" />
        <source>● Online store: offline since %1</source>
        <translation>● Tienda online: sin conexión desde %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="56" />
        <source>● Online store: sending</source>
        <translation>● Tienda online: enviando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="58" />
        <source>● Online store: up to date</source>
        <translation>● Tienda online: al día</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/sync_panel.py" line="60" />
        <source>%n pending</source>
        <translation><numerusform>%n pendiente</numerusform><numerusform>%n pendientes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/sync_panel.py" line="62" />
        <source>%n refused</source>
        <translation><numerusform>%n rechazado</numerusform><numerusform>%n rechazados</numerusform></translation>
    </message>
</context>
<context>
    <name>TillSettingsDialog</name>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="21" />
        <source>Shop and till</source>
        <translation>Tienda y caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="37" />
        <source>Shop name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="38" />
        <source>Tax ID</source>
        <translation>NIF / CIF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="39" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="40" />
        <source>Shop code</source>
        <translation>Código de tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="41" />
        <source>Till number</source>
        <translation>Número de caja</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="42" />
        <source>Country and money</source>
        <translation>País y moneda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="43" />
        <source>A new till number starts a new receipt series. Changes apply at the next start.</source>
        <translation>Un número de caja nuevo empieza una serie de tickets nueva. Los cambios se aplican al reiniciar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="51" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="54" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_settings_dialog.py" line="68" />
        <source>Saved. Restart the till to use the new settings.</source>
        <translation>Guardado. Reinicie la caja para usar los nuevos ajustes.</translation>
    </message>
</context>
<context>
    <name>WalletPayments</name>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="152" />
        <source>Holding the amount in the customer's wallet…</source>
        <translation>Reteniendo el importe en el monedero del cliente…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="164" />
        <source>Held offline: the online store will be told when it can be reached.</source>
        <translation>Retenido sin conexión: se comunicará a la tienda online cuando se pueda.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="167" />
        <source>Held in the customer's wallet.</source>
        <translation>Retenido en el monedero del cliente.</translation>
    </message>
</context>
<context>
    <name>WalletTenderDialog</name>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="45" />
        <source>Pay with the wallet</source>
        <translation>Pagar con el monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="61" />
        <source>Reading the balance from the online store…</source>
        <translation>Leyendo el saldo en la tienda online…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="68" />
        <source>Amount to pay with the wallet</source>
        <translation>Importe a pagar con el monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="71" />
        <source>Scan the customer's card or QR</source>
        <translation>Escanee la tarjeta o el QR del cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="72" />
        <source>Customer confirms</source>
        <translation>Confirmación del cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="75" />
        <source>…or what you checked, e.g. DNI ending 123X</source>
        <translation>…o lo que comprobó, p. ej. DNI terminado en 123X</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="76" />
        <source>ID checked</source>
        <translation>Documento comprobado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="79" />
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="80" />
        <source>Use the wallet</source>
        <translation>Usar el monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="112" />
        <source>The wallet can pay between 0 and the amount still due.</source>
        <translation>El monedero puede pagar entre 0 y lo que queda por pagar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="116" />
        <source>That card belongs to someone else.</source>
        <translation>Esa tarjeta es de otra persona.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wallet_tender.py" line="120" />
        <source>The customer must confirm: scan their card or QR, or check their ID.</source>
        <translation>El cliente debe confirmar: escanee su tarjeta o QR, o compruebe su documento.</translation>
    </message>
</context>
</TS>