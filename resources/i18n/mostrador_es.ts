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
        <location filename="../../pos/ui/approval_dialog.py" line="20" />
        <source>Manager approval</source>
        <translation>Autorización del encargado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval_dialog.py" line="24" />
        <source>Manager PIN:</source>
        <translation>PIN del encargado:</translation>
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
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="21" />
        <source>Customer display</source>
        <translation>Visor de cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="53" />
        <source>Welcome to %1</source>
        <translation>Bienvenido a %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="69" />
        <location filename="../../pos/ui/customer_display.py" line="74" />
        <source>TOTAL %1</source>
        <translation>TOTAL %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="73" />
        <source>Thank you for your purchase!</source>
        <translation>¡Gracias por su compra!</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="75" />
        <source>Change %1</source>
        <translation>Cambio %1</translation>
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
        <location filename="../../pos/ui/sync_panel.py" line="88" />
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="88" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="88" />
        <source>In shop</source>
        <translation>En tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="88" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="89" />
        <source>Not yet sent</source>
        <translation>Sin enviar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="89" />
        <source>Difference</source>
        <translation>Diferencia</translation>
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
        <location filename="../../pos/ui/invoice_dialog.py" line="36" />
        <source>Full invoice for %1</source>
        <translation>Factura completa del ticket %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="49" />
        <source>NIF / CIF / RFC</source>
        <translation>NIF / CIF / RFC</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="55" />
        <source>Name or company</source>
        <translation>Nombre o razón social</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="56" />
        <source>Tax ID</source>
        <translation>NIF / CIF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="57" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="58" />
        <source>E-mail (optional)</source>
        <translation>Correo electrónico (opcional)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="66" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="68" />
        <source>Issue invoice and save PDF</source>
        <translation>Emitir factura y guardar PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="86" />
        <source>Save invoice as PDF</source>
        <translation>Guardar factura en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/invoice_dialog.py" line="92" />
        <source>Invoice %1 issued, but the PDF could not be saved: %2</source>
        <translation>Factura %1 emitida, pero no se pudo guardar el PDF: %2</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="43" />
        <source>Mostrador — %1 · till %2</source>
        <translation>Mostrador — %1 · caja %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="77" />
        <location filename="../../pos/ui/main_window.py" line="245" />
        <source>Not logged in</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="81" />
        <source>Online store…</source>
        <translation>Tienda online…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="86" />
        <source>Devices…</source>
        <translation>Dispositivos…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="92" />
        <source>Support…</source>
        <translation>Soporte…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="126" />
        <source>Keyboard-wedge scanner (USB)</source>
        <translation>Escáner de teclado (USB)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="149" />
        <source>Only a manager can change the devices.</source>
        <translation>Solo un encargado puede cambiar los dispositivos.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="161" />
        <source>Only a manager can open Support.</source>
        <translation>Solo un encargado puede abrir Soporte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="176" />
        <source>● Scanner: wrong settings</source>
        <translation>● Escáner: configuración incorrecta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="178" />
        <source>● Scanner: connected</source>
        <translation>● Escáner: conectado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="180" />
        <source>● Scanner: unplugged, retrying</source>
        <translation>● Escáner: desconectado, reintentando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="182" />
        <source>● Scanner: not working</source>
        <translation>● Escáner: no funciona</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="219" />
        <source>Only a manager can change the online store.</source>
        <translation>Solo un encargado puede cambiar la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="228" />
        <source>Cashier</source>
        <translation>Cajero/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="228" />
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="229" />
        <source>Manager</source>
        <translation>Encargado/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="229" />
        <source>Admin</source>
        <translation>Administrador/a</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="239" />
        <source>Open at logout</source>
        <translation>Abierto al cerrar sesión</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="21" />
        <source>Something went wrong. The sale is still open; try again or call the manager.</source>
        <translation>Algo ha fallado. La venta sigue abierta; vuelva a intentarlo o llame al encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="28" />
        <source>Unknown barcode: %1</source>
        <translation>Código desconocido: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="31" />
        <source>Barcode %1 is misread (wrong check digit). Scan it again.</source>
        <translation>Código %1 mal leído (dígito de control incorrecto). Vuelva a escanearlo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="34" />
        <source>That is not a barcode we can read. Scan it again.</source>
        <translation>No es un código que podamos leer. Vuelva a escanearlo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="37" />
        <source>The quantity must be greater than zero.</source>
        <translation>La cantidad debe ser mayor que cero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="38" />
        <source>That quantity is too large.</source>
        <translation>Esa cantidad es demasiado grande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="39" />
        <source>Quantities have at most three decimals.</source>
        <translation>Las cantidades admiten como máximo tres decimales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="40" />
        <source>This ticket has too many lines. Pay it and start a new one.</source>
        <translation>Este ticket tiene demasiadas líneas. Cóbrelo y empiece otro.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="43" />
        <source>That is not a valid quantity.</source>
        <translation>No es una cantidad válida.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="46" />
        <source>That amount is too large.</source>
        <translation>Ese importe es demasiado grande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="47" />
        <source>That is not a valid amount.</source>
        <translation>No es un importe válido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="50" />
        <source>The discount cannot be larger than the amount.</source>
        <translation>El descuento no puede superar el importe.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="51" />
        <source>That is not a valid discount.</source>
        <translation>No es un descuento válido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="54" />
        <source>A card or wallet payment cannot be more than the amount due.</source>
        <translation>Un pago con tarjeta o monedero no puede superar el importe pendiente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="57" />
        <source>That cash amount is far above the total. Check the amount.</source>
        <translation>Ese importe en efectivo supera con mucho el total. Revise el importe.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="60" />
        <source>The ticket is not fully paid yet.</source>
        <translation>El ticket aún no está pagado del todo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="61" />
        <source>The ticket is empty.</source>
        <translation>El ticket está vacío.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="62" />
        <source>The ticket is already paid.</source>
        <translation>El ticket ya está pagado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="63" />
        <source>The payment could not be taken.</source>
        <translation>No se ha podido cobrar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="65" />
        <location filename="../../pos/ui/messages.py" line="73" />
        <source>A manager must approve this.</source>
        <translation>Esto necesita la autorización de un encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="68" />
        <location filename="../../pos/ui/messages.py" line="74" />
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="69" />
        <source>Too many wrong PINs. Wait %1 seconds.</source>
        <translation>Demasiados PIN incorrectos. Espere %1 segundos.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="72" />
        <source>This PIN may not approve that.</source>
        <translation>Ese PIN no puede autorizar esto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="77" />
        <source>The till database is busy. Nothing was lost: press Pay again.</source>
        <translation>La base de datos de la caja está ocupada. No se ha perdido nada: pulse Cobrar de nuevo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="80" />
        <source>The disk is full. Nothing was lost, but call IT before selling on.</source>
        <translation>El disco está lleno. No se ha perdido nada, pero avise a informática antes de seguir vendiendo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="83" />
        <source>This computer has no secure password store; IT can set MOSTRADOR_STORE_KEY and MOSTRADOR_STORE_SECRET instead.</source>
        <translation>Este equipo no tiene almacén seguro de contraseñas; informática puede definir MOSTRADOR_STORE_KEY y MOSTRADOR_STORE_SECRET.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="89" />
        <source>The sale could not be saved. Nothing was lost: try again.</source>
        <translation>No se ha podido guardar la venta. No se ha perdido nada: inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="93" />
        <source>That cannot be done in the order's current state.</source>
        <translation>Eso no se puede hacer en el estado actual del pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="94" />
        <source>That item is not in this order.</source>
        <translation>Ese artículo no está en este pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="95" />
        <source>All units of that item are already picked.</source>
        <translation>Ya están preparadas todas las unidades de ese artículo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="96" />
        <source>Not every item is picked yet.</source>
        <translation>Aún faltan artículos por preparar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="97" />
        <source>Check the customer's code or ID before handing over.</source>
        <translation>Compruebe el código o el documento del cliente antes de entregar.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="99" />
        <source>That code does not match the order.</source>
        <translation>Ese código no corresponde al pedido.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="100" />
        <source>This order is paid at the store: take the payment first.</source>
        <translation>Este pedido se paga en tienda: cobre primero.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="102" />
        <source>Nothing is left to collect.</source>
        <translation>No queda nada por recoger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="103" />
        <source>This order was cancelled online: do not hand it over. A manager has been told.</source>
        <translation>Este pedido se canceló online: no lo entregue. Se ha avisado al encargado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="105" />
        <source>Part of this order was already collected.</source>
        <translation>Parte de este pedido ya se recogió.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="107" />
        <source>The pickup desk refused that.</source>
        <translation>No se puede hacer eso en recogidas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="110" />
        <source>The customer's name is needed.</source>
        <translation>Falta el nombre del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="111" />
        <source>That tax ID does not look right (NIF, CIF or RFC).</source>
        <translation>Ese NIF/CIF/RFC no parece correcto.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="112" />
        <source>The customer's address is needed.</source>
        <translation>Falta la dirección del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="113" />
        <source>Check the customer's data.</source>
        <translation>Revise los datos del cliente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="117" />
        <source>Not found.</source>
        <translation>No encontrado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="119" />
        <source>That cannot be done: %1</source>
        <translation>No se puede hacer: %1</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="68" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="68" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="68" />
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="68" />
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="69" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="79" />
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="79" />
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="34" />
        <source>Payment</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="48" />
        <location filename="../../pos/ui/payment_dialog.py" line="186" />
        <source>Amount due</source>
        <translation>Importe a cobrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="56" />
        <source>Amount handed over (empty = exact)</source>
        <translation>Importe entregado (vacío = exacto)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="61" />
        <source>Exact</source>
        <translation>Exacto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="73" />
        <source>Cash (F1)</source>
        <translation>Efectivo (F1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="76" />
        <source>Card (F2)</source>
        <translation>Tarjeta (F2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="79" />
        <location filename="../../pos/ui/payment_dialog.py" line="180" />
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="82" />
        <source>Attach a customer with a wallet to pay with it</source>
        <translation>Asigne un cliente con monedero para pagar con él</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="88" />
        <source>Card terminal approval code</source>
        <translation>Código de autorización del datáfono</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="96" />
        <source>Remove payment</source>
        <translation>Quitar pago</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="100" />
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="107" />
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="109" />
        <source>Confirm payment (F12)</source>
        <translation>Confirmar cobro (F12)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="154" />
        <source>Type the approval code printed by the card terminal.</source>
        <translation>Teclee el código de autorización que imprime el datáfono.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="179" />
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="179" />
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="180" />
        <source>Voucher</source>
        <translation>Vale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment_dialog.py" line="186" />
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
</context>
<context>
    <name>PickupQueueModel</name>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="35" />
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="35" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="35" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="35" />
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="36" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="36" />
        <source>Ordered</source>
        <translation>Pedido el</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="40" />
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="40" />
        <source>Preparing</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="40" />
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="41" />
        <source>Partly collected</source>
        <translation>Recogido en parte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="41" />
        <source>Collected</source>
        <translation>Recogido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="42" />
        <source>Not collected</source>
        <translation>No recogido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="42" />
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="49" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="49" />
        <source>Pay here</source>
        <translation>Paga en tienda</translation>
    </message>
</context>
<context>
    <name>PickupsDialog</name>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="59" />
        <source>Pickups</source>
        <translation>Recogidas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="67" />
        <source>Order number, name, e-mail, phone, or scan the customer's code</source>
        <translation>Número de pedido, nombre, correo, teléfono, o escanee el código del cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="93" />
        <source>Start preparing</source>
        <translation>Empezar a preparar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="94" />
        <source>Ready: tell the customer</source>
        <translation>Listo: avisar al cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="95" />
        <location filename="../../pos/ui/pickups_dialog.py" line="194" />
        <location filename="../../pos/ui/pickups_dialog.py" line="201" />
        <source>Hand over</source>
        <translation>Entregar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="96" />
        <location filename="../../pos/ui/pickups_dialog.py" line="213" />
        <source>Cancel order</source>
        <translation>Cancelar pedido</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="97" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="125" />
        <source>%1 orders to collect.</source>
        <translation>%1 pedidos por recoger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="128" />
        <source>paid online</source>
        <translation>pagado online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="128" />
        <source>to pay here</source>
        <translation>se paga en tienda</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="136" />
        <source>picked %1, collected %2</source>
        <translation>preparado %1, recogido %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="152" />
        <source>No order matches %1.</source>
        <translation>Ningún pedido coincide con %1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="173" />
        <source>Preparing: scan each item as you pick it.</source>
        <translation>Preparando: escanee cada artículo al cogerlo.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="182" />
        <source>Picked.</source>
        <translation>Preparado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="188" />
        <source>Ready. The customer gets an e-mail from the online store.</source>
        <translation>Listo. El cliente recibe un correo de la tienda online.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="195" />
        <source>Code from the customer's e-mail (or leave empty to record an ID check):</source>
        <translation>Código del correo del cliente (o déjelo vacío para registrar una comprobación de DNI):</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="201" />
        <source>ID document checked (type and last digits):</source>
        <translation>Documento comprobado (tipo y últimas cifras):</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="207" />
        <source>Handed over. The online order is completed in the background.</source>
        <translation>Entregado. El pedido online se completa en segundo plano.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="213" />
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/pickups_dialog.py" line="216" />
        <source>Order cancelled.</source>
        <translation>Pedido cancelado.</translation>
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
    <message>
        <location filename="../../pos/ui/setup_wizard.py" line="282" />
        <source>%1 printer(s) found.</source>
        <translation>%1 impresora(s) encontrada(s).</translation>
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
    <name>SaleView</name>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="82" />
        <source>Scan or search product…</source>
        <translation>Escanear o buscar producto…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="83" />
        <source>Scan or search product</source>
        <translation>Escanear o buscar producto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="144" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="157" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="158" />
        <source>Pickups</source>
        <translation>Recogidas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="159" />
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="162" />
        <location filename="../../pos/ui/sale_view.py" line="525" />
        <source>Available once the online store is connected</source>
        <translation>Disponible cuando la tienda online esté conectada</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="163" />
        <source>Park (F9)</source>
        <translation>Aparcar (F9)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="164" />
        <source>Resume (F10)</source>
        <translation>Recuperar (F10)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="165" />
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="166" />
        <source>Open drawer</source>
        <translation>Abrir cajón</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="167" />
        <source>Last receipt</source>
        <translation>Último ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="180" />
        <source>Quantity (F4)</source>
        <translation>Cantidad (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="181" />
        <source>Discount (F5)</source>
        <translation>Descuento (F5)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="182" />
        <source>Void line (F8)</source>
        <translation>Anular línea (F8)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="186" />
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="189" />
        <source>PAY (F12)</source>
        <translation>COBRAR (F12)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="196" />
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="209" />
        <source>Reprint</source>
        <translation>Reimprimir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="210" />
        <source>Gift receipt</source>
        <translation>Ticket regalo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="211" />
        <source>Save as PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="212" />
        <source>Full invoice</source>
        <translation>Factura completa</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="232" />
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="235" />
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="347" />
        <source>Select a line first.</source>
        <translation>Seleccione primero una línea.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="359" />
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="359" />
        <source>New quantity:</source>
        <translation>Nueva cantidad:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="395" />
        <source>The ticket is empty.</source>
        <translation>El ticket está vacío.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="397" />
        <source>Ticket of %1</source>
        <translation>Ticket de %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="403" />
        <source>Sale parked.</source>
        <translation>Venta aparcada.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="412" />
        <source>No parked sales.</source>
        <translation>No hay ventas aparcadas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="415" />
        <source>Resume sale</source>
        <translation>Recuperar venta</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="415" />
        <source>Parked sales:</source>
        <translation>Ventas aparcadas:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="456" />
        <location filename="../../pos/ui/sale_view.py" line="501" />
        <source>No receipt to print yet.</source>
        <translation>Todavía no hay ningún ticket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="459" />
        <source>No receipt printer is configured.</source>
        <translation>No hay impresora de tickets configurada.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="461" />
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="475" />
        <source>Save receipt as PDF</source>
        <translation>Guardar ticket en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="481" />
        <source>Could not save the PDF: %1</source>
        <translation>No se pudo guardar el PDF: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="483" />
        <source>PDF saved.</source>
        <translation>PDF guardado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="495" />
        <source>Invoice %1 issued.</source>
        <translation>Factura %1 emitida.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="517" />
        <source>No receipt printer is configured to open the drawer.</source>
        <translation>No hay impresora configurada para abrir el cajón.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_view.py" line="520" />
        <source>Drawer opened (approved by %1).</source>
        <translation>Cajón abierto (autorizado por %1).</translation>
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
        <location filename="../../pos/ui/sync_panel.py" line="108" />
        <source>Online store synchronisation</source>
        <translation>Sincronización con la tienda online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="118" />
        <source>Last problem: %1</source>
        <translation>Último problema: %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="134" />
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="135" />
        <source>Stock differences</source>
        <translation>Diferencias de stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="141" />
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="142" />
        <location filename="../../pos/ui/sync_panel.py" line="175" />
        <source>Mark as resolved</source>
        <translation>Marcar como resuelto</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="143" />
        <source>Reload catalogue</source>
        <translation>Recargar catálogo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="144" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="148" />
        <source>Store settings…</source>
        <translation>Configurar tienda…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="166" />
        <location filename="../../pos/ui/sync_panel.py" line="173" />
        <source>Select a refused document first.</source>
        <translation>Seleccione primero un documento rechazado.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="175" />
        <source>What was done in the store?</source>
        <translation>¿Qué se hizo en la tienda online?</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="46" />
        <source>● Online store: not connected</source>
        <translation>● Tienda online: sin conexión</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="48" />
        <source>● Online store: credentials refused</source>
        <translation>● Tienda online: credenciales rechazadas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="52" />
        <source>● Online store: offline since %1</source>
        <translation>● Tienda online: sin conexión desde %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="55" />
        <source>● Online store: sending</source>
        <translation>● Tienda online: enviando</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="57" />
        <source>● Online store: up to date</source>
        <translation>● Tienda online: al día</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="59" />
        <source>%1 pending</source>
        <translation>%1 pendientes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/sync_panel.py" line="61" />
        <source>%1 refused</source>
        <translation>%1 rechazados</translation>
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
</TS>